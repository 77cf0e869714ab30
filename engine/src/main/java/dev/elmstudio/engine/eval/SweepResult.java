package dev.elmstudio.engine.eval;

import java.util.List;

/**
 * What a sweep produced: every generated item, and one trend per input.
 *
 * @param items  one record per (input, α), in sweep order
 * @param trends one per input: Spearman ρ between α and the sweep's score
 */
public record SweepResult<T>(List<T> items, List<Trend> trends) {

    public SweepResult {
        items = List.copyOf(items);
        trends = List.copyOf(trends);
    }

    /** Spearman ρ, or NaN when any score is undefined (a zero-vector text) or a side is constant. */
    public static double spearmanOrNaN(double[] alphas, double[] scores) {
        for (double score : scores) {
            if (!Double.isFinite(score)) {
                return Double.NaN;
            }
        }
        return Correlation.spearman(alphas, scores);
    }
}
