package dev.elmstudio.storage;

/**
 * One row of {@code eval_results}: a metric for one item of one task.
 *
 * @param item the entity (or pair) scored, as text
 * @param outputText what the model generated for the item; null when the metric does not score text
 */
public record EvalResult(String task, String item, String metric, double value, String outputText) {}
