package dev.elmstudio.engine.train;

/**
 * How an update is computed, independent of what is learned: the precision, how many micro-batches one batch is
 * split into (gradient accumulation: the same update, a fraction of the activation memory), and whether blocks
 * are recomputed in backward instead of keeping their activations (activation checkpointing).
 *
 * @param precision compute type (master weights and optimizer state are always fp32)
 * @param microBatches parts each batch is split into; must divide the batch size
 * @param checkpointActivations recompute each transformer block during backward
 */
public record ComputeOptions(Precision precision, int microBatches, boolean checkpointActivations) {
    public static final ComputeOptions DEFAULT = new ComputeOptions(Precision.FP32, 1, false);

    public ComputeOptions {
        if (precision == null) {
            precision = Precision.FP32;
        }
        if (microBatches == 0) {
            microBatches = 1; // a checkpoint written before micro-batches existed
        }
        if (microBatches < 0) {
            throw new IllegalArgumentException("microBatches must be >= 1, got " + microBatches);
        }
    }

    /** Checks that {@code batchSize} splits into the micro-batches evenly. */
    public void requireDivides(int batchSize) {
        if (batchSize % microBatches != 0) {
            throw new IllegalArgumentException("batch size " + batchSize + " is not divisible into " + microBatches
                    + " micro-batches");
        }
    }

    public ComputeOptions withPrecision(Precision p) {
        return new ComputeOptions(p, microBatches, checkpointActivations);
    }

    public ComputeOptions withMicroBatches(int n) {
        return new ComputeOptions(precision, n, checkpointActivations);
    }

    public ComputeOptions withCheckpointActivations(boolean on) {
        return new ComputeOptions(precision, microBatches, on);
    }
}
