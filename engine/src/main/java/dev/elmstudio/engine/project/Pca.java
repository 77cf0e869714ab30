package dev.elmstudio.engine.project;

import java.util.Random;

/**
 * Principal component analysis of row vectors: fitted once on a space's entities, then {@link #project}
 * places any vector of that space, including ones that were never fitted (an interpolated or steered
 * embedding), in the same coordinates. Coordinates are {@code (x - mean) · component_j}.
 *
 * <p>The covariance (d × d) is accumulated in double precision from at most {@code maxFitRows} rows
 * (a seeded random sample beyond that: the leading axes of 20,000 rows are those of 60,000 to within
 * noise, and the fit stays under a second for d = 384). The leading eigenvectors come from power
 * iteration with each component kept orthogonal to the ones before it; we need two or three of them, for
 * which this is short, exact to the tolerance, and needs no linear-algebra library.
 *
 * @param mean the fitted rows' mean (length d)
 * @param components k unit vectors, row-major (k × d), by decreasing variance; each one's sign is fixed
 *     so its largest-magnitude entry is positive, so the same data always gives the same picture
 * @param variances the variance along each component
 * @param totalVariance the fitted rows' total variance (trace of the covariance)
 */
public record Pca(float[] mean, float[][] components, double[] variances, double totalVariance) {

    public static final int DEFAULT_MAX_FIT_ROWS = 20_000;
    private static final int MAX_ITERATIONS = 2_000;
    private static final double TOLERANCE = 1e-12;

    public int dimension() {
        return mean.length;
    }

    /** The share of the total variance each component explains (0 … 1). */
    public double[] explainedVarianceRatio() {
        double[] ratio = new double[variances.length];
        for (int j = 0; j < ratio.length; j++) {
            ratio[j] = totalVariance > 0 ? variances[j] / totalVariance : 0;
        }
        return ratio;
    }

    /** Fits {@code components} axes to the n rows of {@code vectors} (row-major n × dimension). */
    public static Pca fit(float[] vectors, int dimension, int components) {
        return fit(vectors, dimension, components, DEFAULT_MAX_FIT_ROWS, 42);
    }

    public static Pca fit(float[] vectors, int dimension, int components, int maxFitRows, long seed) {
        if (dimension < 1 || vectors.length % dimension != 0) {
            throw new IllegalArgumentException("pca: " + vectors.length + " values are not rows of dimension " + dimension);
        }
        int n = vectors.length / dimension;
        if (n < 2) {
            throw new IllegalArgumentException("pca: needs at least 2 vectors, got " + n);
        }
        if (components < 1 || components > dimension) {
            throw new IllegalArgumentException("pca: components must be 1.." + dimension + ", got " + components);
        }
        int[] rows = sampleRows(n, maxFitRows, seed);
        double[] mean = mean(vectors, dimension, rows);
        double[] covariance = covariance(vectors, dimension, rows, mean);
        double total = 0;
        for (int i = 0; i < dimension; i++) {
            total += covariance[i * dimension + i];
        }
        float[][] axes = new float[components][];
        double[][] found = new double[components][];
        double[] variances = new double[components];
        Random random = new Random(seed);
        for (int j = 0; j < components; j++) {
            found[j] = leadingEigenvector(covariance, dimension, found, j, random);
            variances[j] = rayleigh(covariance, dimension, found[j]);
            fixSign(found[j]);
            axes[j] = toFloat(found[j]);
        }
        return new Pca(toFloat(mean), axes, variances, total);
    }

    /** The coordinates of one vector of this space. */
    public double[] project(float[] vector) {
        if (vector.length != mean.length) {
            throw new IllegalArgumentException("pca: vector has dimension " + vector.length + ", the fit has " + mean.length);
        }
        double[] out = new double[components.length];
        for (int j = 0; j < components.length; j++) {
            float[] axis = components[j];
            double sum = 0;
            for (int i = 0; i < vector.length; i++) {
                sum += (vector[i] - mean[i]) * (double) axis[i];
            }
            out[j] = sum;
        }
        return out;
    }

    /** The coordinates of every row of {@code vectors}, row-major n × k, as the same sums as {@link #project}. */
    public double[] projectAll(float[] vectors) {
        int d = mean.length;
        if (vectors.length % d != 0) {
            throw new IllegalArgumentException("pca: " + vectors.length + " values are not rows of dimension " + d);
        }
        int n = vectors.length / d;
        int k = components.length;
        double[] out = new double[n * k];
        float[] row = new float[d];
        for (int r = 0; r < n; r++) {
            System.arraycopy(vectors, r * d, row, 0, d);
            double[] coordinates = project(row);
            System.arraycopy(coordinates, 0, out, r * k, k);
        }
        return out;
    }

    private static int[] sampleRows(int n, int maxRows, long seed) {
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        if (n <= maxRows) {
            return rows;
        }
        Random random = new Random(seed);
        for (int i = 0; i < maxRows; i++) { // partial Fisher–Yates: the first maxRows are a uniform sample
            int j = i + random.nextInt(n - i);
            int swap = rows[i];
            rows[i] = rows[j];
            rows[j] = swap;
        }
        int[] sample = java.util.Arrays.copyOf(rows, maxRows);
        java.util.Arrays.sort(sample); // walk memory in order
        return sample;
    }

    private static double[] mean(float[] vectors, int d, int[] rows) {
        double[] mean = new double[d];
        for (int row : rows) {
            for (int i = 0; i < d; i++) {
                mean[i] += vectors[row * d + i];
            }
        }
        for (int i = 0; i < d; i++) {
            mean[i] /= rows.length;
        }
        return mean;
    }

    /** Sample covariance, d × d row-major; only the upper triangle is summed, then mirrored. */
    private static double[] covariance(float[] vectors, int d, int[] rows, double[] mean) {
        double[] sums = new double[d * d];
        double[] centred = new double[d];
        for (int row : rows) {
            for (int i = 0; i < d; i++) {
                centred[i] = vectors[row * d + i] - mean[i];
            }
            for (int i = 0; i < d; i++) {
                double xi = centred[i];
                int offset = i * d;
                for (int j = i; j < d; j++) {
                    sums[offset + j] += xi * centred[j];
                }
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new java.util.concurrent.CancellationException("pca cancelled");
            }
        }
        double scale = 1.0 / (rows.length - 1);
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                sums[i * d + j] *= scale;
                sums[j * d + i] = sums[i * d + j];
            }
        }
        return sums;
    }

    /** Power iteration on C, kept orthogonal to the first {@code count} vectors already found. */
    private static double[] leadingEigenvector(double[] c, int d, double[][] found, int count, Random random) {
        double[] v = new double[d];
        for (int i = 0; i < d; i++) {
            v[i] = random.nextGaussian();
        }
        orthonormalise(v, found, count);
        double[] next = new double[d];
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            multiply(c, d, v, next);
            orthonormalise(next, found, count);
            double agreement = Math.abs(dot(v, next));
            double[] swap = v;
            v = next;
            next = swap;
            if (1 - agreement < TOLERANCE) {
                break;
            }
        }
        return v;
    }

    private static void multiply(double[] c, int d, double[] v, double[] out) {
        for (int i = 0; i < d; i++) {
            double sum = 0;
            int offset = i * d;
            for (int j = 0; j < d; j++) {
                sum += c[offset + j] * v[j];
            }
            out[i] = sum;
        }
    }

    /** Removes the components along earlier axes (Gram–Schmidt) and scales to unit length. */
    private static void orthonormalise(double[] v, double[][] found, int count) {
        for (int k = 0; k < count; k++) {
            double along = dot(v, found[k]);
            for (int i = 0; i < v.length; i++) {
                v[i] -= along * found[k][i];
            }
        }
        double norm = Math.sqrt(dot(v, v));
        if (norm < 1e-300) { // no variance left in this direction: any unit vector orthogonal to the others serves
            for (int axis = 0; axis < v.length && norm < 1e-6; axis++) {
                java.util.Arrays.fill(v, 0);
                v[axis] = 1;
                for (int k = 0; k < count; k++) {
                    double along = found[k][axis];
                    for (int i = 0; i < v.length; i++) {
                        v[i] -= along * found[k][i];
                    }
                }
                norm = Math.sqrt(dot(v, v));
            }
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= norm;
        }
    }

    private static double rayleigh(double[] c, int d, double[] v) {
        double[] cv = new double[d];
        multiply(c, d, v, cv);
        return dot(v, cv);
    }

    private static void fixSign(double[] v) {
        int largest = 0;
        for (int i = 1; i < v.length; i++) {
            if (Math.abs(v[i]) > Math.abs(v[largest])) {
                largest = i;
            }
        }
        if (v[largest] < 0) {
            for (int i = 0; i < v.length; i++) {
                v[i] = -v[i];
            }
        }
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static float[] toFloat(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }
}
