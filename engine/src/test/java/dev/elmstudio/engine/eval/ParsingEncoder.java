package dev.elmstudio.engine.eval;

/**
 * A fake, deterministic encoder for the math tests: the text is its own vector written out,
 * "1, 0, 2" → [1, 0, 2]. Real-encoder tests belong with the all-MiniLM encoder.
 */
final class ParsingEncoder implements TextEmbedder {

    @Override
    public float[] encode(String text) {
        String[] parts = text.split(",");
        float[] vector = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            vector[i] = Float.parseFloat(parts[i].trim());
        }
        return vector;
    }

    static String text(float... vector) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < vector.length; i++) {
            out.append(i == 0 ? "" : ",").append(vector[i]);
        }
        return out.toString();
    }
}
