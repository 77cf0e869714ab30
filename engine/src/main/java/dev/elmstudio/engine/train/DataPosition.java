package dev.elmstudio.engine.train;

/**
 * Where the training data stream stands: the next batch starts at position {@code index} of
 * epoch {@code epoch}'s shuffled block order. Saved in checkpoints so a resumed run sees exactly
 * the batches it would have seen.
 */
public record DataPosition(int epoch, int index) {

    public static final DataPosition START = new DataPosition(0, 0);

    public DataPosition {
        if (epoch < 0 || index < 0) {
            throw new IllegalArgumentException("data position must be non-negative, got epoch " + epoch
                    + ", index " + index);
        }
    }
}
