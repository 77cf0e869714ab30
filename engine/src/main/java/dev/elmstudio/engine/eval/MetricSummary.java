package dev.elmstudio.engine.eval;

/**
 * One row of a report's table: a metric's mean over a task's items with its bootstrap interval.
 *
 * @param task           the task
 * @param metric         the metric ("sc", "bc_ndcg")
 * @param items          items with a defined value, which the mean is over
 * @param undefinedItems items whose value was NaN (e.g. NDCG for a user with no rated candidate), left out
 * @param mean           the mean; NaN when no item is defined
 * @param lower          lower end of the 95% percentile bootstrap interval over items
 * @param upper          upper end
 */
public record MetricSummary(String task, String metric, int items, int undefinedItems, double mean, double lower, double upper) { }
