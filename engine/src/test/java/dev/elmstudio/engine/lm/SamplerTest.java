package dev.elmstudio.engine.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SamplerTest {
    private static final float[] LOGITS = {0.1f, 2.0f, 1.9f, -1f, 0.5f};

    @Test
    void greedyPicksTheLargestLogit() {
        assertEquals(1, new Sampler(GenerationConfig.greedy(1)).next(LOGITS));
    }

    @Test
    void topKOfOneIsGreedyWhateverTheTemperature() {
        Sampler sampler = new Sampler(GenerationConfig.sampling(1, 5.0, 1, 1.0, 42));
        for (int i = 0; i < 50; i++) {
            assertEquals(1, sampler.next(LOGITS));
        }
    }

    @Test
    void topKTwoOnlyEverDrawsTheTwoBest() {
        Sampler sampler = new Sampler(GenerationConfig.sampling(1, 10.0, 2, 1.0, 7));
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            seen.add(sampler.next(LOGITS));
        }
        assertEquals(Set.of(1, 2), seen);
    }

    @Test
    void smallTopPKeepsOnlyTheMostLikelyToken() {
        Sampler sampler = new Sampler(GenerationConfig.sampling(1, 1.0, 0, 0.01, 3));
        for (int i = 0; i < 50; i++) {
            assertEquals(1, sampler.next(LOGITS));
        }
    }

    @Test
    void sameSeedSameDrawsAndOtherSeedOtherDraws() {
        int[] a = draws(9);
        int[] b = draws(9);
        int[] c = draws(10);
        assertEquals(java.util.Arrays.toString(a), java.util.Arrays.toString(b));
        assertNotEquals(java.util.Arrays.toString(a), java.util.Arrays.toString(c));
    }

    @Test
    void samplingFollowsTheSoftmaxFrequencies() {
        Sampler sampler = new Sampler(GenerationConfig.sampling(1, 1.0, 0, 1.0, 1));
        int n = 20000;
        int[] counts = new int[LOGITS.length];
        for (int i = 0; i < n; i++) {
            counts[sampler.next(LOGITS)]++;
        }
        double total = 0;
        for (float l : LOGITS) {
            total += Math.exp(l);
        }
        for (int i = 0; i < LOGITS.length; i++) {
            double expected = Math.exp(LOGITS[i]) / total;
            assertTrue(Math.abs(counts[i] / (double) n - expected) < 0.015, "token " + i + " drawn "
                    + counts[i] / (double) n + " of the time, expected " + expected);
        }
    }

    @Test
    void invalidSettingsAreRejectedWithTheirName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GenerationConfig.sampling(1, 1.0, 0, 1.5, 0));
        assertTrue(e.getMessage().contains("topP"));
        assertThrows(IllegalArgumentException.class, () -> GenerationConfig.sampling(1, -1, 0, 1, 0));
    }

    private static int[] draws(long seed) {
        Sampler sampler = new Sampler(GenerationConfig.sampling(1, 2.0, 0, 1.0, seed));
        int[] out = new int[40];
        for (int i = 0; i < out.length; i++) {
            out[i] = sampler.next(LOGITS);
        }
        return out;
    }
}
