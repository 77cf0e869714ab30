package dev.elmstudio.engine.elm;

import java.util.SplittableRandom;

/**
 * The order in which a stage visits the training examples: a fresh shuffle per epoch, a pure function of
 * (seed, stage, epoch), so a position (epoch, index) is all a checkpoint needs to resume the stream exactly.
 */
final class DataStream {
    private final int size;
    private final long seed;
    private final Stage stage;
    private int epoch;
    private int index;
    private int[] order;

    DataStream(int size, long seed, Stage stage, int epoch, int index) {
        if (size <= 0) {
            throw new IllegalArgumentException("training needs at least one example");
        }
        this.size = size;
        this.seed = seed;
        this.stage = stage;
        this.epoch = epoch;
        this.index = index;
        this.order = permutation(epoch);
    }

    int epoch() {
        return epoch;
    }

    int index() {
        return index;
    }

    /** The next {@code count} example indices; a batch that runs past the epoch's end continues in the next. */
    int[] next(int count) {
        int[] batch = new int[count];
        for (int i = 0; i < count; i++) {
            if (index == size) {
                epoch++;
                index = 0;
                order = permutation(epoch);
            }
            batch[i] = order[index++];
        }
        return batch;
    }

    private int[] permutation(int e) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + stage.ordinal() * 1_000_003L + e);
        int[] p = new int[size];
        for (int i = 0; i < size; i++) {
            p[i] = i;
        }
        for (int i = size - 1; i > 0; i--) { // Fisher-Yates
            int j = random.nextInt(i + 1);
            int tmp = p[i];
            p[i] = p[j];
            p[j] = tmp;
        }
        return p;
    }
}
