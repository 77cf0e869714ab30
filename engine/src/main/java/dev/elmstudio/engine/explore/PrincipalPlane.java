package dev.elmstudio.engine.explore;

import dev.elmstudio.engine.data.embedding.EmbeddingSpace;
import java.util.SplittableRandom;

/**
 * The plane of a space's two largest principal components, to draw the space on a map and to place any vector
 * (an interpolated or concept-shifted point) the same way as the entities. Linear, so a point that moves along a
 * line in the space moves along a line on the map. Components come from power iteration on the d × d covariance
 * (d is at most a few hundred), seeded so the same space gives the same picture.
 */
public final class PrincipalPlane {
    private static final int ITERATIONS = 200;

    private final float[] mean;
    private final double[][] axes;

    private PrincipalPlane(float[] mean, double[][] axes) {
        this.mean = mean;
        this.axes = axes;
    }

    public static PrincipalPlane fit(EmbeddingSpace space) {
        int n = space.size();
        int d = space.dimension();
        float[] v = space.vectors();
        float[] mean = new float[d];
        double[] sums = new double[d];
        for (int row = 0; row < n; row++) {
            for (int k = 0; k < d; k++) {
                sums[k] += v[row * d + k];
            }
        }
        for (int k = 0; k < d; k++) {
            mean[k] = (float) (sums[k] / Math.max(1, n));
        }
        double[][] covariance = new double[d][d];
        double[] centred = new double[d];
        for (int row = 0; row < n; row++) {
            for (int k = 0; k < d; k++) {
                centred[k] = v[row * d + k] - mean[k];
            }
            for (int i = 0; i < d; i++) {
                double ci = centred[i];
                double[] line = covariance[i];
                for (int j = i; j < d; j++) {
                    line[j] += ci * centred[j];
                }
            }
        }
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < i; j++) {
                covariance[i][j] = covariance[j][i];
            }
        }
        double[][] axes = new double[2][];
        SplittableRandom random = new SplittableRandom(17);
        for (int c = 0; c < 2; c++) {
            double[] axis = new double[d];
            for (int k = 0; k < d; k++) {
                axis[k] = random.nextDouble() - 0.5;
            }
            for (int iteration = 0; iteration < ITERATIONS; iteration++) {
                double[] next = multiply(covariance, axis);
                if (c == 1) {
                    removeComponent(next, axes[0]); // deflation: stay orthogonal to the first axis
                }
                if (normalise(next) == 0) {
                    break; // no variance left in this direction (d = 1, or all points on a line)
                }
                axis = next;
            }
            normalise(axis);
            axes[c] = axis;
        }
        return new PrincipalPlane(mean, axes);
    }

    /** {x, y}: the centred vector's coordinates on the two axes. */
    public double[] project(float[] vector) {
        double x = 0;
        double y = 0;
        for (int k = 0; k < mean.length; k++) {
            double centred = vector[k] - mean[k];
            x += centred * axes[0][k];
            y += centred * axes[1][k];
        }
        return new double[] {x, y};
    }

    private static double[] multiply(double[][] matrix, double[] vector) {
        double[] out = new double[vector.length];
        for (int i = 0; i < vector.length; i++) {
            double sum = 0;
            double[] line = matrix[i];
            for (int j = 0; j < vector.length; j++) {
                sum += line[j] * vector[j];
            }
            out[i] = sum;
        }
        return out;
    }

    private static void removeComponent(double[] vector, double[] unitAxis) {
        double dot = 0;
        for (int k = 0; k < vector.length; k++) {
            dot += vector[k] * unitAxis[k];
        }
        for (int k = 0; k < vector.length; k++) {
            vector[k] -= dot * unitAxis[k];
        }
    }

    private static double normalise(double[] vector) {
        double norm = 0;
        for (double x : vector) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        if (norm > 1e-12) {
            for (int k = 0; k < vector.length; k++) {
                vector[k] /= norm;
            }
            return norm;
        }
        return 0;
    }
}
