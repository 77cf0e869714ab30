package dev.elmstudio.engine.train;

/**
 * How an update is computed, independent of what is learned: the precision, how many micro-batches one batch is
 * split into (gradient accumulation: the same update, a fraction of the activation memory), and whether blocks
 * are recomputed in backward instead of keeping their activations (activation checkpointing).
 *
 * @param precision compute type (master weights and optimizer state are always fp32)
 * @param microBatches parts each batch is split into; must divide the batch size
 * @param checkpointActivations recompute each transformer block during backward
 * @param lossScaleGrowthInterval fp16 only: clean updates before the loss scale doubles (0 = GradScaler's 2000)
 */
public record ComputeOptions(Precision precision, int microBatches, boolean checkpointActivations,
        int lossScaleGrowthInterval) {
    public static final ComputeOptions DEFAULT = new ComputeOptions(Precision.FP32, 1, false, 0);

    public ComputeOptions {
        if (precision == null) {
            precision = Precision.FP32;
        }
        if (lossScaleGrowthInterval == 0) {
            lossScaleGrowthInterval = LossScaler.GROWTH_INTERVAL;
        }
        if (lossScaleGrowthInterval < 0) {
            throw new IllegalArgumentException("lossScaleGrowthInterval must be >= 1, got " + lossScaleGrowthInterval);
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

    /** The loss scaler these options need: dynamic for fp16, disabled otherwise. */
    public LossScaler newLossScaler() {
        return precision.scalesLoss() ? LossScaler.dynamic(LossScaler.INITIAL_SCALE, lossScaleGrowthInterval)
                : LossScaler.disabled();
    }

    public ComputeOptions withPrecision(Precision p) {
        return new ComputeOptions(p, microBatches, checkpointActivations, lossScaleGrowthInterval);
    }

    public ComputeOptions withMicroBatches(int n) {
        return new ComputeOptions(precision, n, checkpointActivations, lossScaleGrowthInterval);
    }

    public ComputeOptions withCheckpointActivations(boolean on) {
        return new ComputeOptions(precision, microBatches, on, lossScaleGrowthInterval);
    }

    public ComputeOptions withLossScaleGrowthInterval(int n) {
        return new ComputeOptions(precision, microBatches, checkpointActivations, n);
    }
}
