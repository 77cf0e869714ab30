package dev.elmstudio.engine.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NdcgTest {

    private static final double LOG2_3 = Math.log(3) / Math.log(2);

    @Test
    void gradedRelevanceMatchesHandComputedValue() {
        // ranking by score: rel 3, 2, 3 → DCG = 3 + 2/log2(3) + 3/2; ideal 3, 3, 2 → 3 + 3/log2(3) + 2/2
        double dcg = 3 + 2 / LOG2_3 + 1.5;
        double ideal = 3 + 3 / LOG2_3 + 1;
        assertEquals(dcg / ideal, Ndcg.ndcg(new double[] {3, 2, 1}, new double[] {3, 2, 3}), 1e-12);
    }

    @Test
    void perfectRankingScoresOne() {
        assertEquals(1.0, Ndcg.ndcg(new double[] {0.9, 0.5, 0.1}, new double[] {5, 3, 0}), 1e-12);
    }

    @Test
    void tiedScoresShareTheirMeanGain() {
        // both items tie: mean gain 0.5 at positions 1 and 2 → 0.5 + 0.5/log2(3); ideal = 1
        assertEquals(0.5 + 0.5 / LOG2_3, Ndcg.ndcg(new double[] {1, 1}, new double[] {1, 0}), 1e-12);
        // and the input order does not matter
        assertEquals(Ndcg.ndcg(new double[] {1, 1}, new double[] {1, 0}), Ndcg.ndcg(new double[] {1, 1}, new double[] {0, 1}), 0);
    }

    @Test
    void cutOffIgnoresItemsBelowK() {
        double[] scores = {3, 2, 1};
        double[] relevance = {0, 0, 1};
        assertEquals(0.0, Ndcg.ndcgAtK(scores, relevance, 2), 1e-12);
        assertEquals(0.5, Ndcg.ndcgAtK(scores, relevance, 3), 1e-12); // 1/log2(4) over ideal 1
        assertEquals(0.5, Ndcg.ndcgAtK(scores, relevance, 10), 1e-12); // k beyond n is clipped
    }

    @Test
    void nothingRelevantIsUndefined() {
        assertTrue(Double.isNaN(Ndcg.ndcg(new double[] {1, 2}, new double[] {0, 0})));
    }

    @Test
    void badInputIsRefusedWithAReason() {
        assertThrows(IllegalArgumentException.class, () -> Ndcg.ndcg(new double[0], new double[0]));
        assertThrows(IllegalArgumentException.class, () -> Ndcg.ndcg(new double[] {1}, new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> Ndcg.ndcg(new double[] {1, 2}, new double[] {1, -1}));
        assertThrows(IllegalArgumentException.class, () -> Ndcg.ndcgAtK(new double[] {1}, new double[] {1}, 0));
        assertThrows(IllegalArgumentException.class, () -> Ndcg.ndcg(new double[] {Double.NaN}, new double[] {1}));
    }
}
