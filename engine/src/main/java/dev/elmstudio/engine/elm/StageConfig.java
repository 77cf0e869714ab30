package dev.elmstudio.engine.elm;

import dev.elmstudio.engine.train.LrSchedule;

/**
 * Settings of one training stage.
 *
 * @param steps optimizer updates in this stage (0 skips the stage: steps of stage 1 = 0 is joint training)
 * @param batchSize examples per update
 * @param learningRate peak learning rate, reached after warm-up
 * @param minLearningRate floor of the cosine decay
 * @param warmupSteps linear warm-up updates
 * @param weightDecay AdamW decoupled weight decay (matrices only)
 * @param maxGradNorm global gradient-norm clip (0 = off)
 */
public record StageConfig(int steps, int batchSize, double learningRate, double minLearningRate, int warmupSteps,
        double weightDecay, double maxGradNorm) {

    public StageConfig {
        if (steps < 0) {
            throw new IllegalArgumentException("stage steps must be >= 0, got " + steps);
        }
        if (batchSize <= 0) {
            throw new IllegalArgumentException("stage batch size must be > 0, got " + batchSize);
        }
        if (steps > 0) {
            schedule(steps, learningRate, minLearningRate, warmupSteps); // validates the rates
        }
        if (!(weightDecay >= 0) || !(maxGradNorm >= 0)) {
            throw new IllegalArgumentException("weightDecay and maxGradNorm must be >= 0, got " + weightDecay + ", "
                    + maxGradNorm);
        }
    }

    /** A constant-rate stage with a little warm-up, no decay, no weight decay, clipping at 1. */
    public static StageConfig of(int steps, int batchSize, double learningRate) {
        return new StageConfig(steps, batchSize, learningRate, learningRate, Math.min(steps, 10), 0.0, 1.0);
    }

    /** Stage 1 set to zero steps: train everything from the start (the paper's failing baseline). */
    public static StageConfig skipped() {
        return new StageConfig(0, 1, 1e-3, 1e-3, 0, 0, 0);
    }

    /** Updates that make {@code epochs} passes over {@code examples} examples in batches of {@code batchSize}. */
    public static int stepsForEpochs(int epochs, int examples, int batchSize) {
        if (epochs < 0 || examples <= 0 || batchSize <= 0) {
            throw new IllegalArgumentException("need epochs >= 0, examples > 0 and batchSize > 0, got " + epochs + ", "
                    + examples + ", " + batchSize);
        }
        return Math.toIntExact(((long) epochs * examples + batchSize - 1) / batchSize);
    }

    public StageConfig withSteps(int n) {
        return new StageConfig(n, batchSize, learningRate, minLearningRate, Math.min(warmupSteps, n), weightDecay,
                maxGradNorm);
    }

    LrSchedule schedule() {
        return schedule(steps, learningRate, minLearningRate, warmupSteps);
    }

    private static LrSchedule schedule(int steps, double lr, double minLr, int warmup) {
        return new LrSchedule(lr, minLr, warmup, steps);
    }
}
