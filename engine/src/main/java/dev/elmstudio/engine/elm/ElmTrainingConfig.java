package dev.elmstudio.engine.elm;

import dev.elmstudio.engine.train.ComputeOptions;
import java.nio.file.Path;

/**
 * A two-stage ELM training run. Stage 1 trains only the adapters (the LM stays bit-identical); stage 2 trains
 * everything. Either stage may have zero steps.
 *
 * @param stage1 adapter-only stage
 * @param stage2 full stage
 * @param seed data order (and nothing else: the model carries its own initial weights)
 * @param validateEvery validation loss every this many updates (0 = only at the end)
 * @param validationBatchSize examples per validation forward pass
 * @param checkpointEvery resumable checkpoint every this many updates (0 = none, except on cancel)
 * @param checkpointDir where checkpoints go; null = no checkpoints
 * @param compute precision, micro-batches and activation checkpointing (null = {@link ComputeOptions#DEFAULT})
 */
public record ElmTrainingConfig(StageConfig stage1, StageConfig stage2, long seed, int validateEvery,
        int validationBatchSize, int checkpointEvery, Path checkpointDir, ComputeOptions compute) {

    public ElmTrainingConfig {
        if (compute == null) {
            compute = ComputeOptions.DEFAULT;
        }
        if (stage1 == null || stage2 == null) {
            throw new IllegalArgumentException("both stages need settings (use StageConfig.skipped() to skip one)");
        }
        if (validateEvery < 0 || checkpointEvery < 0 || validationBatchSize <= 0) {
            throw new IllegalArgumentException("validateEvery and checkpointEvery must be >= 0 and"
                    + " validationBatchSize > 0");
        }
        if (checkpointEvery > 0 && checkpointDir == null) {
            throw new IllegalArgumentException("checkpointEvery is set but checkpointDir is not");
        }
        if (stage1 != null && stage1.steps() > 0) {
            compute.requireDivides(stage1.batchSize());
        }
        if (stage2 != null && stage2.steps() > 0) {
            compute.requireDivides(stage2.batchSize());
        }
    }

    public static ElmTrainingConfig of(StageConfig stage1, StageConfig stage2, long seed) {
        return new ElmTrainingConfig(stage1, stage2, seed, 0, 64, 0, null, ComputeOptions.DEFAULT);
    }

    public ElmTrainingConfig withValidation(int every) {
        return new ElmTrainingConfig(stage1, stage2, seed, every, validationBatchSize, checkpointEvery, checkpointDir, compute);
    }

    public ElmTrainingConfig withCheckpoints(int every, Path dir) {
        return new ElmTrainingConfig(stage1, stage2, seed, validateEvery, validationBatchSize, every, dir, compute);
    }

    /** A copy computed differently: same updates, other memory and speed. */
    public ElmTrainingConfig withCompute(ComputeOptions options) {
        return new ElmTrainingConfig(stage1, stage2, seed, validateEvery, validationBatchSize, checkpointEvery,
                checkpointDir, options);
    }

    public int totalSteps() {
        return stage1.steps() + stage2.steps();
    }

    StageConfig stage(Stage stage) {
        return stage == Stage.ADAPTER_ONLY ? stage1 : stage2;
    }
}
