package dev.elmstudio.engine.eval;

/**
 * Pearson and Spearman correlation.
 *
 * <p>A correlation is undefined when either input is constant (its variance is zero): both methods
 * then return {@link Double#NaN}, meaning "no ordering to compare", never 0. Callers that average
 * over items (see {@link EvalReport}) leave NaN items out and count them.
 */
public final class Correlation {

    private Correlation() { }

    /** Pearson's r = cov(x, y) / (sd(x)·sd(y)); needs two or more finite pairs. */
    public static double pearson(double[] x, double[] y) {
        Checks.sameLength("pearson", x.length, y.length);
        if (x.length < 2) {
            throw new IllegalArgumentException("pearson: needs at least 2 pairs, got " + x.length);
        }
        Checks.finite("pearson x", x);
        Checks.finite("pearson y", y);
        double meanX = mean(x);
        double meanY = mean(y);
        double cov = 0;
        double varX = 0;
        double varY = 0;
        for (int i = 0; i < x.length; i++) {
            double dx = x[i] - meanX;
            double dy = y[i] - meanY;
            cov += dx * dy;
            varX += dx * dx;
            varY += dy * dy;
        }
        if (varX == 0 || varY == 0) {
            return Double.NaN;
        }
        // clamp: rounding can push a perfect correlation a hair past ±1
        return Math.max(-1, Math.min(1, cov / Math.sqrt(varX * varY)));
    }

    /** Spearman's ρ: Pearson's r of the average ranks ({@link Ranks#averageRanks}), so ties are handled. */
    public static double spearman(double[] x, double[] y) {
        Checks.sameLength("spearman", x.length, y.length);
        if (x.length < 2) {
            throw new IllegalArgumentException("spearman: needs at least 2 pairs, got " + x.length);
        }
        return pearson(Ranks.averageRanks(x), Ranks.averageRanks(y));
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
