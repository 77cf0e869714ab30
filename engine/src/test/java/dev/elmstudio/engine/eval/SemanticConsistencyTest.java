package dev.elmstudio.engine.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SemanticConsistencyTest {

    private final SemanticConsistency sc = new SemanticConsistency(new ParsingEncoder());

    @Test
    void cosineOfEncodedOutputAndEmbedding() {
        assertEquals(1.0, sc.score("2, 0", new float[] {5, 0}), 1e-12); // same direction, any length
        assertEquals(0.0, sc.score("0, 3", new float[] {1, 0}), 1e-12);
        assertEquals(-1.0, sc.score("-1, -1", new float[] {1, 1}), 1e-12);
        assertEquals(1 / Math.sqrt(2), sc.score("1, 1", new float[] {1, 0}), 1e-7);
    }

    @Test
    void batchGivesTheSameScoresInOrder() {
        double[] scores = sc.scoreAll(List.of("1, 0", "0, 1", "3, 4"),
                List.of(new float[] {1, 0}, new float[] {1, 0}, new float[] {4, 3}));
        assertArrayEquals(new double[] {1, 0, 24.0 / 25}, scores, 1e-7);
    }

    @Test
    void zeroVectorHasNoDirection() {
        assertTrue(Double.isNaN(sc.score("0, 0", new float[] {1, 0})));
    }

    @Test
    void mismatchedInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> sc.score("1, 2, 3", new float[] {1, 0}));
        assertThrows(IllegalArgumentException.class, () -> sc.scoreAll(List.of("1, 0"), List.of()));
    }
}
