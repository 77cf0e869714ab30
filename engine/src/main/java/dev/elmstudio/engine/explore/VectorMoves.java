package dev.elmstudio.engine.explore;

/**
 * The two ways Explore moves a point of an embedding space: along the line between two entities, and along a
 * concept direction. Sums are taken in double and rounded once, so t = 0 and t = 1 give the end vectors exactly.
 */
public final class VectorMoves {
    private VectorMoves() {}

    /** {@code (1 − t)·a + t·b}: t = 0 is {@code a}, t = 1 is {@code b}; t outside [0, 1] extrapolates. */
    public static float[] between(float[] a, float[] b, double t) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("cannot interpolate vectors of dimension " + a.length + " and " + b.length);
        }
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (float) ((1 - t) * a[i] + t * b[i]);
        }
        return out;
    }

    /** {@code vector + amount · direction}: a positive amount moves towards the concept. */
    public static float[] shift(float[] vector, float[] direction, double amount) {
        if (vector.length != direction.length) {
            throw new IllegalArgumentException("cannot shift a vector of dimension " + vector.length
                    + " along a direction of dimension " + direction.length);
        }
        float[] out = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            out[i] = (float) (vector[i] + amount * direction[i]);
        }
        return out;
    }
}
