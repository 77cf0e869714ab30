package dev.elmstudio.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class TokenBlockDatasetTest {

    /** Tokens 0..n-1, so a token's value tells where it came from. */
    private static long[] counting(int n) {
        return LongStream.range(0, n).toArray();
    }

    @Test
    void targetsAreInputsShiftedByOne() {
        TokenBlockDataset data = new TokenBlockDataset(counting(41), 4, 0.0, 7);
        assertEquals(10, data.trainBlockCount()); // (41 - 1) / 4
        TokenBatch batch = data.nextTrainBatch(3);
        for (int i = 0; i < batch.inputs().length; i++) {
            assertEquals(batch.inputs()[i] + 1, batch.targets()[i]);
        }
        for (int row = 0; row < 3; row++) {
            assertEquals(0, batch.inputs()[row * 4] % 4, "blocks start every T tokens");
        }
    }

    @Test
    void anEpochVisitsEveryTrainingBlockOnceThenReshuffles() {
        TokenBlockDataset data = new TokenBlockDataset(counting(41), 4, 0.0, 7);
        List<Long> epoch0 = firstTokensOf(data, 10);
        assertEquals(new DataPosition(1, 0), data.position());
        List<Long> epoch1 = firstTokensOf(data, 10);
        assertEquals(Set.of(0L, 4L, 8L, 12L, 16L, 20L, 24L, 28L, 32L, 36L), new HashSet<>(epoch0));
        assertEquals(new HashSet<>(epoch0), new HashSet<>(epoch1));
        assertNotEquals(epoch0, epoch1, "each epoch has its own order");
    }

    @Test
    void seekingToASavedPositionReplaysTheSameBatches() {
        TokenBlockDataset first = new TokenBlockDataset(counting(101), 4, 0.0, 3);
        first.nextTrainBatch(7);
        first.nextTrainBatch(7);
        DataPosition saved = first.position();
        TokenBatch expected = first.nextTrainBatch(7); // crosses from epoch 0 into epoch 1 (25 blocks)

        TokenBlockDataset second = new TokenBlockDataset(counting(101), 4, 0.0, 3);
        second.seek(saved);
        assertArrayEquals(expected.inputs(), second.nextTrainBatch(7).inputs());
        assertEquals(first.position(), second.position());
    }

    @Test
    void validationTailIsHeldOutAndFixed() {
        TokenBlockDataset data = new TokenBlockDataset(counting(100), 4, 0.2, 1);
        // 80 training tokens -> 19 blocks; 20 validation tokens (80..99) -> 4 blocks
        assertEquals(19, data.trainBlockCount());
        assertEquals(4, data.validationBlockCount());
        for (int i = 0; i < 10; i++) {
            for (long target : data.nextTrainBatch(4).targets()) {
                assertTrue(target < 80, "training never predicts a validation token");
            }
        }
        TokenBatch validation = data.validationBatch(0, 3);
        assertArrayEquals(new long[] {80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91}, validation.inputs());
        assertArrayEquals(validation.inputs(), data.validationBatch(0, 3).inputs());
        assertEquals(92, data.validationBatch(1, 3).inputs()[0]); // then it wraps: blocks 3, 0, 1
        assertEquals(80, data.validationBatch(1, 3).inputs()[4]);
    }

    @Test
    void fingerprintChangesWithTheDataOrTheCut() {
        long base = new TokenBlockDataset(counting(100), 4, 0.1, 1).fingerprint();
        assertEquals(base, new TokenBlockDataset(counting(100), 4, 0.1, 1).fingerprint());
        long[] edited = counting(100);
        edited[50] = 7;
        assertNotEquals(base, new TokenBlockDataset(edited, 4, 0.1, 1).fingerprint());
        assertNotEquals(base, new TokenBlockDataset(counting(100), 5, 0.1, 1).fingerprint());
        assertNotEquals(base, new TokenBlockDataset(counting(100), 4, 0.1, 2).fingerprint());
    }

    @Test
    void rejectsCorporaTooSmallOrBadInput() {
        assertThrows(IllegalArgumentException.class, () -> new TokenBlockDataset(counting(4), 4, 0.0, 1));
        assertThrows(IllegalArgumentException.class, () -> new TokenBlockDataset(counting(20), 4, 0.1, 1));
        assertThrows(IllegalArgumentException.class, () -> new TokenBlockDataset(new long[] {1, -1, 2}, 1, 0, 1));
        TokenBlockDataset data = new TokenBlockDataset(counting(41), 4, 0.0, 1);
        assertThrows(IllegalArgumentException.class, () -> data.seek(new DataPosition(0, 10)));
        assertThrows(IllegalStateException.class, () -> data.validationBatch(0, 1));
    }

    private static List<Long> firstTokensOf(TokenBlockDataset data, int blocks) {
        List<Long> firsts = new ArrayList<>();
        for (int i = 0; i < blocks; i++) {
            firsts.add(data.nextTrainBatch(1).inputs()[0]);
        }
        return firsts;
    }
}
