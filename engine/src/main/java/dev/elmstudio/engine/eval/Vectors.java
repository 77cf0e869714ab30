package dev.elmstudio.engine.eval;

/** Small dense-vector helpers for evaluation; float storage, double accumulation. */
public final class Vectors {

    private Vectors() { }

    /** Cosine similarity; NaN when either vector is all zeros (no direction to compare). */
    public static double cosine(float[] a, float[] b) {
        Checks.sameLength("cosine", a.length, b.length);
        double dot = 0;
        double normA = 0;
        double normB = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            normA += (double) a[i] * a[i];
            normB += (double) b[i] * b[i];
        }
        if (normA == 0 || normB == 0) {
            return Double.NaN;
        }
        return Math.max(-1, Math.min(1, dot / Math.sqrt(normA * normB)));
    }

    public static double dot(float[] a, float[] b) {
        Checks.sameLength("dot", a.length, b.length);
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
        }
        return dot;
    }

    /** (1 − α)·from + α·to: α = 0 gives {@code from}, α = 1 gives {@code to}. */
    public static float[] interpolate(float[] from, float[] to, double alpha) {
        Checks.sameLength("interpolate", from.length, to.length);
        float[] out = new float[from.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) ((1 - alpha) * from[i] + alpha * to[i]);
        }
        return out;
    }

    /** base + α·direction. */
    public static float[] addScaled(float[] base, float[] direction, double alpha) {
        Checks.sameLength("addScaled", base.length, direction.length);
        float[] out = new float[base.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (base[i] + alpha * direction[i]);
        }
        return out;
    }

    /** The vector scaled to unit L2 norm; refuses the zero vector, which has no direction. */
    public static float[] unit(float[] v) {
        double norm = Math.sqrt(dot(v, v));
        if (norm == 0) {
            throw new IllegalArgumentException("unit: the zero vector has no direction");
        }
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / norm);
        }
        return out;
    }
}
