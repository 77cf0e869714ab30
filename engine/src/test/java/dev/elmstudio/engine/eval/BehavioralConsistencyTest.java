package dev.elmstudio.engine.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BehavioralConsistencyTest {

    private final ParsingEncoder encoder = new ParsingEncoder();

    @Test
    void userProfileRanksCandidatesByCosine() {
        // candidates along x, diagonal, y; a profile along x ranks them 1 > 0.707 > 0
        List<float[]> movies = List.of(new float[] {1, 0}, new float[] {1, 1}, new float[] {0, 1});
        UserBehavioralConsistency bc = new UserBehavioralConsistency(encoder, movies, 3);
        BehavioralScore agrees = bc.score("1, 0", new double[] {5, 3, 0}); // third movie unrated
        assertEquals(1.0, agrees.ndcg(), 1e-12);
        assertEquals(1.0, agrees.spearman(), 1e-12);

        BehavioralScore reversed = bc.score("0, 1", new double[] {5, 3, 0});
        double log2of3 = Math.log(3) / Math.log(2);
        // ranking rel 0, 3, 5: DCG = 3/log2(3) + 5/2; ideal 5 + 3/log2(3)
        assertEquals((3 / log2of3 + 2.5) / (5 + 3 / log2of3), reversed.ndcg(), 1e-12);
        assertEquals(-1.0, reversed.spearman(), 1e-12);
    }

    @Test
    void userWhoRatedNoCandidateHasUndefinedScores() {
        UserBehavioralConsistency bc = new UserBehavioralConsistency(encoder,
                List.of(new float[] {1, 0}, new float[] {0, 1}), 2);
        BehavioralScore score = bc.score("1, 0", new double[] {0, 0});
        assertTrue(Double.isNaN(score.ndcg()));
        assertTrue(Double.isNaN(score.spearman()));
    }

    @Test
    void movieTextThatMapsBackToItsEmbeddingRanksUsersExactly() {
        // behavioral = A·text + c, exactly: text dim 3, behavioral dim 2
        List<float[]> semantic = new ArrayList<>();
        List<float[]> behavioral = new ArrayList<>();
        float[][] texts = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {1, 1, 0}, {0, 1, 2}, {2, 0, 1}, {1, 2, 3}};
        for (float[] t : texts) {
            semantic.add(t);
            behavioral.add(behaviorOf(t));
        }
        LinearMap map = MovieBehavioralConsistency.fitTextToBehavior(semantic, behavioral, 0);
        List<float[]> users = List.of(new float[] {1, 0}, new float[] {0, 1}, new float[] {1, 1}, new float[] {-1, 2});
        MovieBehavioralConsistency bc = new MovieBehavioralConsistency(encoder, map, users);

        float[] text = {1, 0.5f, 0.25f}; // users score 2.625, -0.75, 1.875, -4.125: no ties
        BehavioralScore same = bc.score(ParsingEncoder.text(text), behaviorOf(text));
        assertEquals(1.0, same.spearman(), 1e-9);
        assertEquals(1.0, same.ndcg(), 1e-9);

        // a text implying the opposite behavior reverses the user ranking
        float[] implied = behaviorOf(text);
        BehavioralScore opposite = bc.score(ParsingEncoder.text(text), new float[] {-implied[0], -implied[1]});
        assertEquals(-1.0, opposite.spearman(), 1e-9);
        assertTrue(opposite.ndcg() < 1);
    }

    @Test
    void referenceRescaledToUnitGain() {
        assertEquals(List.of(0.0, 0.5, 1.0), box(MovieBehavioralConsistency.rescaledToUnit(new double[] {-2, 0, 2})));
        assertEquals(List.of(0.0, 0.0), box(MovieBehavioralConsistency.rescaledToUnit(new double[] {3, 3})));
    }

    @Test
    void mismatchedInputIsRefused() {
        UserBehavioralConsistency bc = new UserBehavioralConsistency(encoder, List.of(new float[] {1, 0}, new float[] {0, 1}), 2);
        assertThrows(IllegalArgumentException.class, () -> bc.score("1, 0", new double[] {1, 2, 3}));
        assertThrows(IllegalArgumentException.class, () -> new UserBehavioralConsistency(encoder, List.of(new float[] {1}), 1));
    }

    private static float[] behaviorOf(float[] t) {
        return new float[] {2 * t[0] - t[1] + 0.5f * t[2] + 1, t[1] + 3 * t[2] - 2};
    }

    private static List<Double> box(double[] values) {
        List<Double> out = new ArrayList<>();
        for (double v : values) {
            out.add(v);
        }
        return out;
    }
}
