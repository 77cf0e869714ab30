package dev.elmstudio.engine.train;

import java.nio.file.Path;

/**
 * Settings of one pretraining run. Build with {@link #builder()}: {@code setX} for the values a
 * run cannot do without, {@code optX} for the rest (defaults follow nanoGPT's GPT-2 recipe).
 *
 * @param steps total optimizer updates
 * @param batchSize sequences per update (B)
 * @param contextLength tokens per sequence (T); each block holds T + 1 tokens
 * @param learningRate peak rate, reached at the end of warm-up
 * @param minLearningRate floor of the cosine decay
 * @param warmupSteps linear warm-up updates
 * @param weightDecay decoupled decay for tensors with two or more dimensions
 * @param beta1 AdamW first-moment decay
 * @param beta2 AdamW second-moment decay
 * @param epsilon AdamW denominator guard
 * @param maxGradNorm global-norm clipping threshold; 0 turns clipping off
 * @param evalInterval validate every this many steps (and at the end); 0 = never
 * @param evalBatches validation batches per evaluation
 * @param checkpointInterval write a resumable checkpoint every this many steps (and at the end);
 *     0 = only at the end; ignored without a checkpoint directory
 * @param seed seeds the data order and PyTorch's generator, so runs repeat exactly
 * @param checkpointDir where {@code step-NNNNNNNN/} checkpoint folders go; null = none
 * @param compute precision, micro-batches and activation checkpointing (null = {@link ComputeOptions#DEFAULT},
 *     as in checkpoints written before these existed)
 */
public record PretrainConfig(
        int steps,
        int batchSize,
        int contextLength,
        double learningRate,
        double minLearningRate,
        int warmupSteps,
        double weightDecay,
        double beta1,
        double beta2,
        double epsilon,
        double maxGradNorm,
        int evalInterval,
        int evalBatches,
        int checkpointInterval,
        long seed,
        Path checkpointDir,
        ComputeOptions compute) {

    public PretrainConfig {
        if (compute == null) {
            compute = ComputeOptions.DEFAULT;
        }
        requirePositive("steps", steps);
        requirePositive("batchSize", batchSize);
        requirePositive("contextLength", contextLength);
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be a positive number, got " + learningRate);
        }
        if (!(minLearningRate >= 0) || minLearningRate > learningRate) {
            throw new IllegalArgumentException(
                    "minLearningRate must be in [0, learningRate=" + learningRate + "], got " + minLearningRate);
        }
        if (warmupSteps < 0 || warmupSteps > steps) {
            throw new IllegalArgumentException("warmupSteps must be in [0, steps=" + steps + "], got " + warmupSteps);
        }
        if (!(weightDecay >= 0)) {
            throw new IllegalArgumentException("weightDecay must be >= 0, got " + weightDecay);
        }
        requireFraction("beta1", beta1);
        requireFraction("beta2", beta2);
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("epsilon must be > 0, got " + epsilon);
        }
        if (!(maxGradNorm >= 0)) {
            throw new IllegalArgumentException("maxGradNorm must be >= 0 (0 = no clipping), got " + maxGradNorm);
        }
        requireNonNegative("evalInterval", evalInterval);
        requireNonNegative("checkpointInterval", checkpointInterval);
        if (evalInterval > 0) {
            requirePositive("evalBatches (needed because evalInterval > 0)", evalBatches);
        }
        compute.requireDivides(batchSize);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The schedule these settings describe: warm-up, then cosine decay over the whole run. */
    public LrSchedule schedule() {
        return new LrSchedule(learningRate, minLearningRate, warmupSteps, steps);
    }

    /** Tokens that one update consumes as inputs (B · T). */
    public long tokensPerStep() {
        return (long) batchSize * contextLength;
    }

    /** A copy that runs for a different number of steps (to extend a resumed run). */
    public PretrainConfig withSteps(int newSteps) {
        return new PretrainConfig(newSteps, batchSize, contextLength, learningRate, minLearningRate, warmupSteps,
                weightDecay, beta1, beta2, epsilon, maxGradNorm, evalInterval, evalBatches, checkpointInterval, seed,
                checkpointDir, compute);
    }

    /** A copy that writes its checkpoints somewhere else (null = none). */
    public PretrainConfig withCheckpointDir(Path dir) {
        return new PretrainConfig(steps, batchSize, contextLength, learningRate, minLearningRate, warmupSteps,
                weightDecay, beta1, beta2, epsilon, maxGradNorm, evalInterval, evalBatches, checkpointInterval, seed,
                dir, compute);
    }

    /** A copy computed differently (precision, micro-batches, checkpointing): same updates, other memory/speed. */
    public PretrainConfig withCompute(ComputeOptions options) {
        return new PretrainConfig(steps, batchSize, contextLength, learningRate, minLearningRate, warmupSteps,
                weightDecay, beta1, beta2, epsilon, maxGradNorm, evalInterval, evalBatches, checkpointInterval, seed,
                checkpointDir, options);
    }

    private static void requirePositive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be > 0, got " + value);
        }
    }

    private static void requireNonNegative(String name, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be >= 0, got " + value);
        }
    }

    private static void requireFraction(String name, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1), got " + value);
        }
    }

    /** Collects settings; {@link #build()} checks them all and names the first bad one. */
    public static final class Builder {
        private Integer steps;
        private Integer batchSize;
        private Integer contextLength;
        private Double learningRate;
        private Double minLearningRate; // default: learningRate / 10, as in nanoGPT
        private int warmupSteps;
        private double weightDecay = 0.1;
        private double beta1 = 0.9;
        private double beta2 = 0.95;
        private double epsilon = 1e-8;
        private double maxGradNorm = 1.0;
        private int evalInterval;
        private int evalBatches = 4;
        private int checkpointInterval;
        private long seed = 1337;
        private Path checkpointDir;
        private ComputeOptions compute = ComputeOptions.DEFAULT;

        private Builder() { }

        public Builder setSteps(int value) { steps = value; return this; }
        public Builder setBatchSize(int value) { batchSize = value; return this; }
        public Builder setContextLength(int value) { contextLength = value; return this; }
        public Builder setLearningRate(double value) { learningRate = value; return this; }
        public Builder optMinLearningRate(double value) { minLearningRate = value; return this; }
        public Builder optWarmupSteps(int value) { warmupSteps = value; return this; }
        public Builder optWeightDecay(double value) { weightDecay = value; return this; }
        public Builder optBetas(double first, double second) { beta1 = first; beta2 = second; return this; }
        public Builder optEpsilon(double value) { epsilon = value; return this; }
        public Builder optMaxGradNorm(double value) { maxGradNorm = value; return this; }
        public Builder optEvalInterval(int value) { evalInterval = value; return this; }
        public Builder optEvalBatches(int value) { evalBatches = value; return this; }
        public Builder optCheckpointInterval(int value) { checkpointInterval = value; return this; }
        public Builder optSeed(long value) { seed = value; return this; }
        public Builder optCheckpointDir(Path value) { checkpointDir = value; return this; }
        public Builder optCompute(ComputeOptions value) { compute = value; return this; }

        public PretrainConfig build() {
            require("steps", steps);
            require("batchSize", batchSize);
            require("contextLength", contextLength);
            require("learningRate", learningRate);
            double min = minLearningRate != null ? minLearningRate : learningRate / 10;
            return new PretrainConfig(steps, batchSize, contextLength, learningRate, min, warmupSteps, weightDecay,
                    beta1, beta2, epsilon, maxGradNorm, evalInterval, evalBatches, checkpointInterval, seed,
                    checkpointDir, compute);
        }

        private static void require(String name, Object value) {
            if (value == null) {
                throw new IllegalStateException("PretrainConfig: " + name + " is required (call set"
                        + Character.toUpperCase(name.charAt(0)) + name.substring(1) + ")");
            }
        }
    }
}
