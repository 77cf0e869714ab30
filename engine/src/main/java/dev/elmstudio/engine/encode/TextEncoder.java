package dev.elmstudio.engine.encode;

import java.util.List;

/**
 * Turns texts into vectors for the semantic embedding space and for semantic consistency (SC):
 * the same encoder must build the space and score generated text.
 */
public interface TextEncoder {
    /** A stable name recorded with the spaces it builds ("all-MiniLM-L6-v2"). */
    String name();

    int dimension();

    /** One vector per text, in order. Implementations batch internally as they see fit. */
    List<float[]> encode(List<String> texts);

    /** Cosine similarity of two vectors of the same length. */
    static double cosine(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vectors differ in length: " + a.length + " and " + b.length);
        }
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return dot / (Math.sqrt(na) * Math.sqrt(nb) + 1e-12);
    }
}
