package dev.elmstudio.engine.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RidgeRegressionTest {

    @Test
    void oneDimensionalFitMatchesHandComputedShrinkage() {
        // x = (0, 2), y = (1, 5): centred Σx² = 2, Σxy = 4, λ = 2 → w = 4 / (2 + 2) = 1, b = 3 − 1·1 = 2
        LinearMap map = RidgeRegression.fit(List.of(new float[] {0}, new float[] {2}),
                List.of(new float[] {1}, new float[] {5}), 2);
        assertEquals(1.0, map.weights()[0][0], 1e-12);
        assertEquals(2.0, map.bias()[0], 1e-12);
    }

    @Test
    void exactlyLinearDataIsRecovered() {
        double[][] truth = {{1, -2, 0.5}, {0, 3, 1}};
        double[] bias = {0.5, -1, 2};
        List<float[]> x = new ArrayList<>();
        List<float[]> y = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(11);
        for (int r = 0; r < 8; r++) {
            float[] in = {(float) random.nextInt(-5, 6), (float) random.nextInt(-5, 6)};
            float[] out = new float[3];
            for (int j = 0; j < 3; j++) {
                out[j] = (float) (bias[j] + in[0] * truth[0][j] + in[1] * truth[1][j]);
            }
            x.add(in);
            y.add(out);
        }
        LinearMap map = RidgeRegression.fit(x, y, 0);
        for (int i = 0; i < 2; i++) {
            assertArrayEquals(truth[i], map.weights()[i], 1e-5);
        }
        assertArrayEquals(bias, map.bias(), 1e-5);
        assertArrayEquals(new float[] {0.5f + 1 * 2, -1 - 2 * 2 + 3, 2 + 0.5f * 2 + 1}, map.apply(new float[] {2, 1}), 1e-5f);
    }

    @Test
    void choleskySolvesASmallSystem() {
        // [[4, 2], [2, 3]]·x = [2, 1] → x = [0.5, 0]
        assertArrayEquals(new double[] {0.5, 0}, new Cholesky(new double[][] {{4, 2}, {2, 3}}).solve(new double[] {2, 1}), 1e-12);
    }

    @Test
    void singularSystemWithoutRegularisationAsksForMore() {
        List<float[]> x = List.of(new float[] {1, 1}, new float[] {2, 2}, new float[] {3, 3}); // collinear
        List<float[]> y = List.of(new float[] {1}, new float[] {2}, new float[] {3});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RidgeRegression.fit(x, y, 0));
        assertEquals(true, e.getMessage().contains("regularisation"), e.getMessage());
        RidgeRegression.fit(x, y, 1e-3); // a little ridge makes it solvable
    }

    @Test
    void badInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> RidgeRegression.fit(List.of(), List.of(), 1));
        assertThrows(IllegalArgumentException.class,
                () -> RidgeRegression.fit(List.of(new float[] {1}), List.of(new float[] {1}), -1));
        assertThrows(IllegalArgumentException.class,
                () -> RidgeRegression.fit(List.of(new float[] {1}, new float[] {1, 2}), List.of(new float[] {1}, new float[] {2}), 1));
    }
}
