package dev.elmstudio.engine.project;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PcaTest {

    private static final int D = 12;

    @Test
    void recoversTheDominantAxesOfAnAnisotropicCloud() {
        Random random = new Random(11);
        double[] u1 = unit(random);
        double[] u2 = orthogonalUnit(random, u1);
        float[] offset = new float[D];
        for (int i = 0; i < D; i++) {
            offset[i] = (float) (random.nextDouble() * 100 - 50);
        }
        int n = 5_000;
        float[] vectors = new float[n * D];
        for (int r = 0; r < n; r++) {
            double a = random.nextGaussian() * 10; // std 10 along u1
            double b = random.nextGaussian() * 3; // std 3 along u2
            for (int i = 0; i < D; i++) {
                vectors[r * D + i] = (float) (offset[i] + a * u1[i] + b * u2[i] + random.nextGaussian() * 0.5);
            }
        }
        Pca pca = Pca.fit(vectors, D, 2);
        assertTrue(Math.abs(dot(pca.components()[0], u1)) > 0.999, "first axis " + dot(pca.components()[0], u1));
        assertTrue(Math.abs(dot(pca.components()[1], u2)) > 0.995, "second axis " + dot(pca.components()[1], u2));
        assertEquals(100, pca.variances()[0], 6);
        assertEquals(9, pca.variances()[1], 0.6);
        double expected = 100 + 9 + D * 0.25;
        assertEquals(expected, pca.totalVariance(), 0.06 * expected);
        assertEquals(pca.variances()[0] / pca.totalVariance(), pca.explainedVarianceRatio()[0], 1e-12);
        assertEquals(0, dot(pca.components()[0], toDouble(pca.components()[1])), 1e-6, "axes are orthogonal");
        double[] atMean = pca.project(pca.mean());
        assertEquals(0, atMean[0], 1e-3);
        assertEquals(0, atMean[1], 1e-3);
    }

    @Test
    void projectingAFittedRowGivesItsFittedCoordinatesAndTheFitIsRepeatable() {
        Random random = new Random(5);
        int n = 300;
        float[] vectors = new float[n * D];
        for (int i = 0; i < vectors.length; i++) {
            vectors[i] = (float) (random.nextGaussian() * (1 + i % D));
        }
        Pca pca = Pca.fit(vectors, D, 2);
        double[] all = pca.projectAll(vectors);
        for (int r = 0; r < n; r += 37) {
            float[] row = java.util.Arrays.copyOfRange(vectors, r * D, (r + 1) * D);
            assertArrayEquals(new double[] {all[2 * r], all[2 * r + 1]}, pca.project(row), 1e-9);
        }
        Pca again = Pca.fit(vectors, D, 2);
        assertArrayEquals(pca.components()[0], again.components()[0]);
        assertArrayEquals(pca.components()[1], again.components()[1]);
    }

    @Test
    void aSampledFitFindsTheSameAxesAsTheFullFit() {
        Random random = new Random(9);
        double[] u1 = unit(random);
        int n = 4_000;
        float[] vectors = new float[n * D];
        for (int r = 0; r < n; r++) {
            double a = random.nextGaussian() * 5;
            for (int i = 0; i < D; i++) {
                vectors[r * D + i] = (float) (a * u1[i] + random.nextGaussian());
            }
        }
        Pca sampled = Pca.fit(vectors, D, 1, 1_000, 1);
        assertTrue(Math.abs(dot(sampled.components()[0], u1)) > 0.995);
    }

    @Test
    void degenerateDataStillGivesOrthonormalAxes() {
        float[] line = new float[40 * 3];
        for (int r = 0; r < 40; r++) {
            line[r * 3] = r; // all variance along x; y and z constant
            line[r * 3 + 1] = 2;
            line[r * 3 + 2] = -1;
        }
        Pca pca = Pca.fit(line, 3, 2);
        assertEquals(1, Math.abs(pca.components()[0][0]), 1e-6);
        assertEquals(0, pca.variances()[1], 1e-9);
        assertEquals(1, dot(pca.components()[1], toDouble(pca.components()[1])), 1e-6);
        assertEquals(0, dot(pca.components()[0], toDouble(pca.components()[1])), 1e-6);
    }

    @Test
    void badShapesAreRefusedWithTheReason() {
        assertThrows(IllegalArgumentException.class, () -> Pca.fit(new float[7], 3, 2));
        assertThrows(IllegalArgumentException.class, () -> Pca.fit(new float[3], 3, 2));
        Pca pca = Pca.fit(new float[] {0, 0, 1, 1, 2, 0}, 2, 2);
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class, () -> pca.project(new float[3]));
        assertTrue(wrong.getMessage().contains("dimension 3"));
    }

    private static double[] unit(Random random) {
        double[] v = new double[D];
        for (int i = 0; i < D; i++) {
            v[i] = random.nextGaussian();
        }
        return normalise(v);
    }

    private static double[] orthogonalUnit(Random random, double[] to) {
        double[] v = unit(random);
        double along = 0;
        for (int i = 0; i < D; i++) {
            along += v[i] * to[i];
        }
        for (int i = 0; i < D; i++) {
            v[i] -= along * to[i];
        }
        return normalise(v);
    }

    private static double[] normalise(double[] v) {
        double norm = 0;
        for (double x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        for (int i = 0; i < v.length; i++) {
            v[i] /= norm;
        }
        return v;
    }

    private static double dot(float[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static double[] toDouble(float[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }
}
