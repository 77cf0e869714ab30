package dev.elmstudio.engine.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CorrelationTest {

    @Test
    void averageRanksShareTies() {
        assertArrayEquals(new double[] {1, 2.5, 2.5, 4}, Ranks.averageRanks(new double[] {10, 20, 20, 30}), 0);
        assertArrayEquals(new double[] {2, 2, 2}, Ranks.averageRanks(new double[] {5, 5, 5}), 0);
        assertArrayEquals(new double[] {3, 1, 2}, Ranks.averageRanks(new double[] {9, -1, 0}), 0);
    }

    @Test
    void pearsonMatchesHandComputedValue() {
        // dx = (-1, 0, 1), dy = (-7/3, -1/3, 8/3): cov 5, Σdx² 2, Σdy² 114/9
        assertEquals(5 / Math.sqrt(2 * 114.0 / 9), Correlation.pearson(new double[] {1, 2, 3}, new double[] {2, 4, 7}), 1e-12);
    }

    @Test
    void spearmanWithTiesMatchesHandComputedValue() {
        // ranks (1, 2.5, 2.5, 4) vs (1, 2, 3, 4): cov 4.5, Σdx² 4.5, Σdy² 5
        assertEquals(4.5 / Math.sqrt(4.5 * 5), Correlation.spearman(new double[] {1, 2, 2, 3}, new double[] {1, 2, 3, 4}), 1e-12);
    }

    @Test
    void spearmanIsOneForAnyMonotoneMapAndMinusOneReversed() {
        assertEquals(1.0, Correlation.spearman(new double[] {1, 2, 3, 4}, new double[] {1, 8, 27, 1000}), 1e-12);
        assertEquals(-1.0, Correlation.spearman(new double[] {1, 2, 3}, new double[] {3, 2, 1}), 1e-12);
    }

    @Test
    void constantInputIsUndefined() {
        assertTrue(Double.isNaN(Correlation.pearson(new double[] {1, 1, 1}, new double[] {1, 2, 3})));
        assertTrue(Double.isNaN(Correlation.spearman(new double[] {1, 2, 3}, new double[] {4, 4, 4})));
    }

    @Test
    void tooShortOrMismatchedInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Correlation.spearman(new double[0], new double[0]));
        assertThrows(IllegalArgumentException.class, () -> Correlation.pearson(new double[] {1}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> Correlation.pearson(new double[] {1, 2}, new double[] {1, 2, 3}));
        assertThrows(IllegalArgumentException.class, () -> Correlation.pearson(new double[] {1, Double.NaN}, new double[] {1, 2}));
    }
}
