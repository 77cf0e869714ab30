package dev.elmstudio.engine.cav;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogisticRegressionTest {

    @Test
    void symmetricPairMeetsTheOptimalityConditionByHand() {
        // x = −1 (negative), +1 (positive), λ = 1: by symmetry b = 0, and ∂L/∂w = −σ(−w) + λw = 0
        List<float[]> x = List.of(new float[] {-1}, new float[] {1});
        LogisticModel model = LogisticRegression.fit(x, new boolean[] {false, true}, new int[] {0, 1}, 1.0);
        double w = model.weights()[0];
        assertEquals(0, model.bias(), 1e-9);
        assertEquals(LogisticRegression.sigmoid(-w), w, 1e-6); // w ≈ 0.4011
        assertEquals(0.4011, w, 1e-3);
    }

    @Test
    void classBalancingIgnoresClassSizes() {
        // nine negatives at −1, one positive at +1: balanced weights make the problem symmetric again, so b = 0
        List<float[]> x = new ArrayList<>();
        boolean[] labels = new boolean[10];
        for (int i = 0; i < 9; i++) {
            x.add(new float[] {-1});
        }
        x.add(new float[] {1});
        labels[9] = true;
        int[] rows = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        LogisticModel model = LogisticRegression.fit(x, labels, rows, 1.0);
        assertEquals(0, model.bias(), 1e-9);
        assertEquals(1.0, model.balancedAccuracy(x, labels, rows), 0);
    }

    @Test
    void separableDataStaysFiniteUnderRegularisation() {
        List<float[]> x = List.of(new float[] {-2}, new float[] {-1}, new float[] {1}, new float[] {2});
        LogisticModel model = LogisticRegression.fit(x, new boolean[] {false, false, true, true}, new int[] {0, 1, 2, 3}, 1e-4);
        assertTrue(Float.isFinite(model.weights()[0]) && model.weights()[0] > 0);
    }

    @Test
    void softplusAndSigmoidDoNotOverflow() {
        assertEquals(1000, LogisticRegression.softplus(1000), 1e-9);
        assertEquals(0, LogisticRegression.softplus(-1000), 1e-12);
        assertEquals(0, LogisticRegression.sigmoid(-1000), 1e-12);
        assertEquals(1, LogisticRegression.sigmoid(1000), 1e-12);
    }

    @Test
    void oneClassOrNoRegularisationIsRefused() {
        List<float[]> x = List.of(new float[] {1}, new float[] {2});
        assertThrows(IllegalArgumentException.class, () -> LogisticRegression.fit(x, new boolean[] {true, true}, new int[] {0, 1}, 1));
        assertThrows(IllegalArgumentException.class, () -> LogisticRegression.fit(x, new boolean[] {true, false}, new int[] {0, 1}, 0));
    }
}
