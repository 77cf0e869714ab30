package dev.elmstudio.engine.eval;

/**
 * Behavioral consistency of one output, as two ranking agreements.
 *
 * @param ndcg     NDCG of the predicted ranking against the reference relevance; NaN when nothing is relevant
 * @param spearman Spearman ρ between predicted and reference scores; NaN when either is constant
 */
public record BehavioralScore(double ndcg, double spearman) { }
