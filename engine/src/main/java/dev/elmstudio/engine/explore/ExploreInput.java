package dev.elmstudio.engine.explore;

/**
 * Where Explore's point is: an entity, or the point at {@code t} between two entities, optionally pushed
 * {@code alpha} spreads along a concept's direction.
 *
 * @param entity the entity (the first one when interpolating)
 * @param second the other end of the interpolation, or null
 * @param t position between {@code entity} (0) and {@code second} (1)
 * @param concept the concept to push along ("genre:Horror"), or null
 * @param alpha how far, in standard deviations of the space along the concept (see {@link ConceptDirection})
 */
public record ExploreInput(int entity, Integer second, double t, String concept, double alpha) {

    public ExploreInput {
        if (!Double.isFinite(t) || !Double.isFinite(alpha)) {
            throw new IllegalArgumentException("interpolation position and concept strength must be numbers, got t = "
                    + t + ", alpha = " + alpha);
        }
    }

    public static ExploreInput entity(int id) {
        return new ExploreInput(id, null, 0, null, 0);
    }

    public static ExploreInput between(int first, int second, double t) {
        return new ExploreInput(first, second, t, null, 0);
    }

    public ExploreInput shifted(String concept, double alpha) {
        return new ExploreInput(entity, second, t, concept, alpha);
    }

    public boolean interpolates() {
        return second != null;
    }

    public boolean shifts() {
        return concept != null && alpha != 0;
    }
}
