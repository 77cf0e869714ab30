package dev.elmstudio.engine.eval;

/**
 * Normalised discounted cumulative gain at cut-off k, for graded relevance.
 *
 * <p>Items are ranked by descending predicted score. With the item at 1-based position i having
 * relevance rel_i ≥ 0:
 * <pre>
 *   gain(rel)  = rel                        (linear gain, as scikit-learn's ndcg_score)
 *   DCG@k      = Σ_{i=1..min(k,n)} gain(rel_i) / log2(i + 1)
 *   NDCG@k     = DCG@k / IDCG@k             (IDCG: the same sum with items sorted by relevance)
 * </pre>
 * Tied predicted scores are not broken by chance or index: every item of a tied block gets the
 * block's mean gain at each position the block occupies (scikit-learn's tie handling), so the
 * result does not depend on input order. When every relevance is 0, IDCG is 0 and NDCG is
 * undefined: the result is {@link Double#NaN} ("nothing relevant to find").
 */
public final class Ndcg {

    private Ndcg() { }

    /** NDCG over all items (k = n). */
    public static double ndcg(double[] predicted, double[] relevance) {
        return ndcgAtK(predicted, relevance, predicted.length);
    }

    public static double ndcgAtK(double[] predicted, double[] relevance, int k) {
        Checks.sameLength("ndcg", predicted.length, relevance.length);
        Checks.notEmpty("ndcg", predicted.length);
        if (k < 1) {
            throw new IllegalArgumentException("ndcg: k must be >= 1, got " + k);
        }
        Checks.finite("ndcg predicted", predicted);
        Checks.finite("ndcg relevance", relevance);
        for (int i = 0; i < relevance.length; i++) {
            if (relevance[i] < 0) {
                throw new IllegalArgumentException("ndcg: relevance " + i + " is negative (" + relevance[i] + ")");
            }
        }
        double ideal = dcg(relevance, relevance, k);
        if (ideal == 0) {
            return Double.NaN;
        }
        return dcg(predicted, relevance, k) / ideal;
    }

    /** DCG@k of the ranking by descending {@code scores}, tied blocks sharing their mean gain. */
    static double dcg(double[] scores, double[] relevance, int k) {
        Integer[] ascending = Ranks.indicesByValue(scores);
        int n = scores.length;
        int cut = Math.min(k, n);
        double total = 0;
        int start = 0; // position (0-based) in the descending ranking
        while (start < cut) {
            int end = start + 1;
            while (end < n && scores[ascending[n - 1 - end]] == scores[ascending[n - 1 - start]]) {
                end++;
            }
            double gainSum = 0;
            for (int p = start; p < end; p++) {
                gainSum += relevance[ascending[n - 1 - p]];
            }
            double meanGain = gainSum / (end - start);
            for (int p = start; p < Math.min(end, cut); p++) {
                total += meanGain / log2(p + 2);
            }
            start = end;
        }
        return total;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
