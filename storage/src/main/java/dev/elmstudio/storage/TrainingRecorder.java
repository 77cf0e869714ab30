package dev.elmstudio.storage;

import dev.elmstudio.engine.train.TrainingEvent;
import dev.elmstudio.engine.train.TrainingListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a training run's events into the workspace: metrics in batches (one transaction per batch, so a
 * reader never sees half of one and a crash loses at most the unflushed tail), checkpoints as they appear, and
 * the final status. It runs on the training thread, which is the workspace's single writer.
 */
public final class TrainingRecorder implements TrainingListener {
    private static final int FLUSH_EVERY_STEPS = 10;

    private final Workspace workspace;
    private final long runId;
    private final Integer stage;
    private final List<Metric> pending = new ArrayList<>();

    public TrainingRecorder(Workspace workspace, long runId, Integer stage) {
        this.workspace = workspace;
        this.runId = runId;
        this.stage = stage;
    }

    @Override
    public void onEvent(TrainingEvent event) {
        switch (event) {
            case TrainingEvent.StepEvent step -> {
                pending.add(new Metric(step.step(), "loss", step.loss()));
                pending.add(new Metric(step.step(), "lr", step.learningRate()));
                pending.add(new Metric(step.step(), "grad_norm", step.gradientNorm()));
                pending.add(new Metric(step.step(), "tokens_per_s", step.tokensPerSecond()));
                if (step.step() % FLUSH_EVERY_STEPS == 0) {
                    flush();
                }
            }
            case TrainingEvent.ValidationEvent validation -> {
                pending.add(new Metric(validation.step(), "val_loss", validation.loss()));
                flush();
            }
            case TrainingEvent.CheckpointEvent checkpoint -> {
                flush();
                workspace.checkpoints().record(runId, stage, checkpoint.step(), weightsFile(checkpoint.path()));
            }
            case TrainingEvent.FinishedEvent finished -> {
                flush();
                workspace.runs().updateStatus(runId, RunStatus.FINISHED);
            }
            case TrainingEvent.CancelledEvent cancelled -> {
                flush();
                workspace.runs().updateStatus(runId, RunStatus.CANCELLED);
            }
        }
    }

    /** Marks the run failed (the caller reports the error). */
    public void failed() {
        flush();
        workspace.runs().updateStatus(runId, RunStatus.FAILED);
    }

    /**
     * Marks the run interrupted: it stopped without finishing but can be resumed from its last checkpoint (e.g.
     * after running out of memory), unlike a failed run.
     */
    public void interrupted() {
        flush();
        workspace.runs().updateStatus(runId, RunStatus.INTERRUPTED);
    }

    /** Writes the buffered metrics now (before the recorder is replaced, e.g. at a stage change). */
    public void flush() {
        if (!pending.isEmpty()) {
            // Non-finite values (a diverged loss) are kept out of the table rather than failing the run.
            List<Metric> finite = pending.stream().filter(m -> Double.isFinite(m.value())).toList();
            workspace.metrics().append(runId, finite);
            pending.clear();
        }
    }

    /**
     * A checkpoint is a folder; its weights file is what the table fingerprints: {@code model.safetensors} for
     * pretraining, {@code weights.safetensors} (LM, adapters and LoRA together) for ELM training.
     */
    private static Path weightsFile(Path checkpoint) {
        if (Files.isDirectory(checkpoint)) {
            for (String name : new String[] {"model.safetensors", "weights.safetensors"}) {
                if (Files.exists(checkpoint.resolve(name))) {
                    return checkpoint.resolve(name);
                }
            }
        }
        return checkpoint;
    }
}
