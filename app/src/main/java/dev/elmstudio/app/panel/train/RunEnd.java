package dev.elmstudio.app.panel.train;

import dev.elmstudio.app.jobs.ElmTrainingJob;
import dev.elmstudio.engine.train.TrainingResult;

/** How a run of either kind ended, as the panel reports it. */
record RunEnd(long runId, int steps, double loss, double validationLoss, boolean cancelled) {

    static RunEnd of(long runId, TrainingResult result) {
        return new RunEnd(runId, result.completedSteps(), result.loss(), result.validationLoss(), result.cancelled());
    }

    static RunEnd of(ElmTrainingJob.Outcome outcome) {
        var result = outcome.result();
        double last = result.losses().isEmpty() ? Double.NaN : result.losses().get(result.losses().size() - 1);
        return new RunEnd(outcome.runId(), result.step(), last, result.validationLoss(), result.cancelled());
    }
}
