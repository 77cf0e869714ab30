package dev.elmstudio.engine.train;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What a training run reports. Step numbers count completed optimizer updates (1 after the first
 * update), so "step 100 of 100" is the last one.
 */
public sealed interface TrainingEvent {

    /** Number of completed updates when the event was raised. */
    int step();

    /**
     * One update finished.
     *
     * @param loss training loss of this step's batch (before the update)
     * @param learningRate rate used for this update
     * @param gradientNorm global L2 norm of the gradient before clipping
     * @param tokensPerSecond smoothed training throughput (pauses excluded)
     * @param eta estimated time to finish the remaining steps
     */
    record StepEvent(int step, int totalSteps, double loss, double learningRate, double gradientNorm,
            double tokensPerSecond, Duration eta) implements TrainingEvent { }

    /** Mean loss over the held-out validation batches, measured after {@code step} updates. */
    record ValidationEvent(int step, double loss) implements TrainingEvent { }

    /** A resumable checkpoint was written (the directory appeared atomically). */
    record CheckpointEvent(int step, Path path) implements TrainingEvent { }

    /**
     * The run reached its last step.
     *
     * @param validationLoss last validation loss, NaN when the run had no validation
     */
    record FinishedEvent(int step, double loss, double validationLoss, Duration elapsed)
            implements TrainingEvent { }

    /** The run stopped early because {@link TrainingControl#cancel()} was called. */
    record CancelledEvent(int step, Duration elapsed) implements TrainingEvent { }
}
