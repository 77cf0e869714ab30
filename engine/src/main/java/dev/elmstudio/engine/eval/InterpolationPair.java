package dev.elmstudio.engine.eval;

/**
 * Two held-out entities to interpolate between, in the same embedding space.
 *
 * @param fromName a readable name for the α = 0 end ("Heat (1995)")
 * @param from     its embedding
 * @param toName   the α = 1 end
 * @param to       its embedding
 */
public record InterpolationPair(String fromName, float[] from, String toName, float[] to) {

    public InterpolationPair {
        if (from.length != to.length) {
            throw new IllegalArgumentException("interpolation pair " + fromName + " → " + toName
                    + ": embeddings differ in length (" + from.length + " and " + to.length + ")");
        }
    }

    public String label() {
        return fromName + " → " + toName;
    }
}
