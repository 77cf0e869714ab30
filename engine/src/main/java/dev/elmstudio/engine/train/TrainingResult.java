package dev.elmstudio.engine.train;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How a call to {@link Pretrainer#run} ended.
 *
 * @param completedSteps updates done in total (a resumed run counts the ones before the checkpoint)
 * @param cancelled whether the run stopped on {@link TrainingControl#cancel()}
 * @param loss training loss of the last step, NaN when no step ran
 * @param validationLoss last validation loss, NaN when the run has not validated
 * @param lastCheckpoint newest checkpoint written by this call, or null
 * @param elapsed wall time of this call, pauses included
 */
public record TrainingResult(int completedSteps, boolean cancelled, double loss, double validationLoss,
        Path lastCheckpoint, Duration elapsed) { }
