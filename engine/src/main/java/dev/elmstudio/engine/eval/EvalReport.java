package dev.elmstudio.engine.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An evaluation's result as plain records: per task and metric a mean with its bootstrap interval,
 * plus every item's output and scores, so storage and the app can keep and show all of it.
 *
 * @param summaries one per (task, metric), tasks and metrics in the order the items first name them
 * @param items     every item, in the order given
 */
public record EvalReport(List<MetricSummary> summaries, List<ItemScores> items) {

    public EvalReport {
        if (summaries == null || items == null) {
            throw new IllegalArgumentException("eval report: summaries and items are required (empty lists are fine)");
        }
        summaries = List.copyOf(summaries);
        items = List.copyOf(items);
    }

    /**
     * Summarises items per (task, metric): the mean over items whose value is defined (NaN values are
     * counted as undefined and left out), with {@code bootstrap}'s interval over those items. Every
     * metric is resampled with the same seed, so a report is reproducible from its items and the seed.
     */
    public static EvalReport summarize(List<ItemScores> items, Bootstrap bootstrap) {
        Map<String, Map<String, List<Double>>> valuesByTaskAndMetric = new LinkedHashMap<>();
        for (ItemScores item : items) {
            Map<String, List<Double>> byMetric = valuesByTaskAndMetric.computeIfAbsent(item.task(), t -> new LinkedHashMap<>());
            item.scores().forEach((metric, value) -> byMetric.computeIfAbsent(metric, m -> new ArrayList<>()).add(value));
        }
        List<MetricSummary> summaries = new ArrayList<>();
        valuesByTaskAndMetric.forEach((task, byMetric) -> byMetric.forEach((metric, values) -> {
            double[] defined = values.stream().filter(v -> v != null && !v.isNaN()).mapToDouble(Double::doubleValue).toArray();
            int undefined = values.size() - defined.length;
            if (defined.length == 0) {
                summaries.add(new MetricSummary(task, metric, 0, undefined, Double.NaN, Double.NaN, Double.NaN));
                return;
            }
            BootstrapInterval interval = bootstrap.meanInterval(defined);
            summaries.add(new MetricSummary(task, metric, defined.length, undefined,
                    interval.mean(), interval.lower(), interval.upper()));
        }));
        return new EvalReport(summaries, items);
    }

    /** The summary for a task and metric, or an exception naming what exists. */
    public MetricSummary summary(String task, String metric) {
        for (MetricSummary summary : summaries) {
            if (summary.task().equals(task) && summary.metric().equals(metric)) {
                return summary;
            }
        }
        throw new IllegalArgumentException("report has no metric '" + metric + "' for task '" + task + "'");
    }
}
