package dev.elmstudio.engine.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.elmstudio.engine.eval.KrippendorffAlpha.Level;
import org.junit.jupiter.api.Test;

/**
 * Checked against the worked examples of Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011), whose
 * published values are given to three decimals.
 */
class KrippendorffAlphaTest {
    private static final double N = Double.NaN;

    /** Example C of the paper: 4 observers, 12 units, values 1..5, with missing data. */
    private static final double[][] EXAMPLE_C = {
        {1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N},
        {1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, 3},
        {N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, N},
        {1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N},
    };

    @Test
    void examplecWithMissingDataMatchesThePublishedValues() {
        assertEquals(0.743, KrippendorffAlpha.alpha(EXAMPLE_C, Level.NOMINAL), 5e-4);
        assertEquals(0.815, KrippendorffAlpha.alpha(EXAMPLE_C, Level.ORDINAL), 5e-4);
        assertEquals(0.849, KrippendorffAlpha.alpha(EXAMPLE_C, Level.INTERVAL), 5e-4);
    }

    /** Example A of the paper: two observers, ten units, binary values; α = 0.095. */
    @Test
    void exampleaTwoObserversBinaryMatchesThePublishedValue() {
        double[][] data = {
            {0, 1, 0, 0, 0, 0, 0, 0, 1, 0},
            {1, 1, 1, 0, 0, 1, 0, 0, 0, 0},
        };
        assertEquals(0.095, KrippendorffAlpha.alpha(data, Level.NOMINAL), 5e-4);
        // with two values every level measures the same disagreement
        assertEquals(KrippendorffAlpha.alpha(data, Level.NOMINAL), KrippendorffAlpha.alpha(data, Level.INTERVAL), 1e-12);
    }

    @Test
    void perfectAgreementIsOneAtEveryLevel() {
        double[][] data = {
            {1, 2, 5, 4, N},
            {1, 2, 5, 4, 3},
            {N, 2, 5, 4, 3},
        };
        for (Level level : Level.values()) {
            assertEquals(1.0, KrippendorffAlpha.alpha(data, level), 1e-12, level.name());
        }
    }

    @Test
    void unitsWithOneValueAndMissingRatersChangeNothing() {
        double[][] complete = {
            {1, 2, 3, 4, 5, 2},
            {2, 2, 3, 5, 4, 1},
        };
        // a third rater who answered only one unit, and a unit only one rater answered, add no pairable value
        double[][] withGaps = {
            {1, 2, 3, 4, 5, 2, 4},
            {2, 2, 3, 5, 4, 1, N},
            {N, N, N, N, 1, N, N},
        };
        double alphaComplete = KrippendorffAlpha.alpha(complete, Level.INTERVAL);
        double[][] withSoloUnit = {
            {1, 2, 3, 4, 5, 2, 4},
            {2, 2, 3, 5, 4, 1, N},
        };
        assertEquals(alphaComplete, KrippendorffAlpha.alpha(withSoloUnit, Level.INTERVAL), 1e-12);
        // the third rater's one value on unit 5 does count: it is pairable with the other two there
        assertTrue(KrippendorffAlpha.alpha(withGaps, Level.INTERVAL) < alphaComplete);
    }

    /** Two raters, interval scale, worked out by hand. */
    @Test
    void twoRatersIntervalMatchesAHandComputation() {
        // units (1,2), (3,3), (4,4), (2,1): o_12 = o_21 = 2, o_33 = 2, o_44 = 2; n_1 = n_2 = n_3 = n_4 = 2, n = 8.
        // Σ o·δ² = 2·1 + 2·1 = 4; Σ n_c n_k δ² = 4·Σ_{c≠k}(c−k)² = 4·(2·(1+4+9) + 2·(1+4) + 2·1) = 4·40 = 160.
        // α = 1 − (n − 1)·4/160 = 1 − 7·4/160 = 0.825
        double[][] data = {{1, 3, 4, 2}, {2, 3, 4, 1}};
        assertEquals(0.825, KrippendorffAlpha.alpha(data, Level.INTERVAL), 1e-12);
    }

    @Test
    void undefinedWhenNothingVariesOrNothingPairs() {
        assertTrue(Double.isNaN(KrippendorffAlpha.alpha(new double[][] {{3, 3}, {3, 3}}, Level.INTERVAL)));
        assertTrue(Double.isNaN(KrippendorffAlpha.alpha(new double[][] {{1, N}, {N, 2}}, Level.ORDINAL)));
        assertTrue(Double.isNaN(KrippendorffAlpha.alpha(new double[0][], Level.NOMINAL)));
    }

    @Test
    void raggedDataIsRefusedNamingTheRater() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KrippendorffAlpha.alpha(new double[][] {{1, 2}, {1}}, Level.INTERVAL));
        assertTrue(e.getMessage().contains("rater 1"), e.getMessage());
    }
}
