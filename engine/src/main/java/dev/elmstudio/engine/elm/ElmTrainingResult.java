package dev.elmstudio.engine.elm;

import java.util.List;

/**
 * How a run ended.
 *
 * @param step run-wide updates completed
 * @param stage stage the run was in when it ended
 * @param losses training loss of every update this call made, in order
 * @param validationLoss last validation loss, NaN if none was measured
 * @param cancelled whether the run was cancelled before its last step
 */
public record ElmTrainingResult(int step, Stage stage, List<Double> losses, double validationLoss,
        boolean cancelled) {
    public ElmTrainingResult {
        losses = List.copyOf(losses);
    }

    public double lastLoss() {
        return losses.isEmpty() ? Double.NaN : losses.get(losses.size() - 1);
    }
}
