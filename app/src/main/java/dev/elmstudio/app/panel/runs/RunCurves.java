package dev.elmstudio.app.panel.runs;

import dev.elmstudio.app.ui.MetricPoint;
import java.util.List;

/** One run's curves as the Runs panel draws them; records compare by value, so unchanged data is not redrawn. */
public record RunCurves(long runId, String label, List<MetricPoint> loss, List<MetricPoint> validationLoss,
        List<MetricPoint> learningRate) { }
