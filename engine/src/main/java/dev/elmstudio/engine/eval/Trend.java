package dev.elmstudio.engine.eval;

/**
 * How one input's score moves along a sweep.
 *
 * @param input    the input's description (an entity, or a pair "A → B")
 * @param spearman Spearman ρ between α and the sweep's score; NaN when the score is constant
 */
public record Trend(String input, double spearman) { }
