package dev.elmstudio.engine.eval;

import java.util.Arrays;

/**
 * Krippendorff's α: agreement among any number of raters, with missing answers, for nominal, ordinal or interval
 * values. α = 1 − D_o / D_e, where D_o is the disagreement observed within units and D_e the disagreement expected
 * if values were paired by chance; 1 is perfect agreement, 0 is chance, below 0 systematic disagreement.
 *
 * <p>Computed through the coincidence matrix, after Krippendorff, "Computing Krippendorff's Alpha-Reliability"
 * (2011): every ordered pair of values two different raters gave the same unit adds 1 / (m_u − 1) to o_ck, where
 * m_u is how many values the unit has. Units with fewer than two values carry no pair and are left out.
 *
 * <p>α is undefined ({@link Double#NaN}) when fewer than two pairable values exist or when every pairable value is
 * the same (D_e = 0: nothing to disagree about, so agreement cannot be told from chance).
 */
public final class KrippendorffAlpha {

    /** How far apart two values are (the metric δ² of the paper). */
    public enum Level {
        /** Values are labels: δ² is 0 for equal values and 1 otherwise. */
        NOMINAL,
        /**
         * Values are ranks: δ²_ck = (Σ_{g=c..k} n_g − (n_c + n_k)/2)², with n_g how often value g was given, so the
         * distance between two answers grows with how many answers lie between them.
         */
        ORDINAL,
        /** Values are on an interval scale: δ²_ck = (c − k)². */
        INTERVAL
    }

    private KrippendorffAlpha() { }

    /**
     * α of reliability data laid out as in Krippendorff's examples.
     *
     * @param data {@code data[rater][unit]}: the value a rater gave a unit, {@link Double#NaN} where missing; every
     *             row must be as long as the first
     */
    public static double alpha(double[][] data, Level level) {
        if (data.length == 0) {
            return Double.NaN;
        }
        int units = data[0].length;
        for (int r = 0; r < data.length; r++) {
            if (data[r].length != units) {
                throw new IllegalArgumentException("krippendorff alpha: rater " + r + " has " + data[r].length
                        + " units, rater 0 has " + units);
            }
            for (double value : data[r]) {
                if (Double.isInfinite(value)) {
                    throw new IllegalArgumentException("krippendorff alpha: rater " + r + " gave an infinite value");
                }
            }
        }
        double[] values = distinctValues(data);
        double[][] coincidences = coincidences(data, values);
        int v = values.length;
        double[] marginals = new double[v]; // n_c: how often value c is pairable
        double total = 0;                    // n
        for (int c = 0; c < v; c++) {
            for (int k = 0; k < v; k++) {
                marginals[c] += coincidences[c][k];
            }
            total += marginals[c];
        }
        if (total < 2) {
            return Double.NaN;
        }
        double[][] distance = distances(values, marginals, level);
        double observed = 0;
        double expected = 0;
        for (int c = 0; c < v; c++) {
            for (int k = 0; k < v; k++) {
                observed += coincidences[c][k] * distance[c][k];
                expected += marginals[c] * marginals[k] * distance[c][k];
            }
        }
        if (expected == 0) {
            return Double.NaN;
        }
        // α = 1 − D_o/D_e with D_o = observed/n and D_e = expected/(n(n−1))
        return 1 - (total - 1) * observed / expected;
    }

    /** The sorted distinct values present; the coincidence matrix is indexed by position in this array. */
    private static double[] distinctValues(double[][] data) {
        return Arrays.stream(data).flatMapToDouble(Arrays::stream).filter(x -> !Double.isNaN(x))
                .sorted().distinct().toArray();
    }

    private static double[][] coincidences(double[][] data, double[] values) {
        int v = values.length;
        double[][] o = new double[v][v];
        int[] inUnit = new int[data.length];
        for (int unit = 0; unit < data[0].length; unit++) {
            int m = 0;
            for (double[] rater : data) {
                if (!Double.isNaN(rater[unit])) {
                    inUnit[m++] = Arrays.binarySearch(values, rater[unit]);
                }
            }
            if (m < 2) {
                continue;
            }
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    if (i != j) {
                        o[inUnit[i]][inUnit[j]] += 1.0 / (m - 1);
                    }
                }
            }
        }
        return o;
    }

    private static double[][] distances(double[] values, double[] marginals, Level level) {
        int v = values.length;
        double[][] d = new double[v][v];
        for (int c = 0; c < v; c++) {
            for (int k = 0; k < v; k++) {
                d[c][k] = switch (level) {
                    case NOMINAL -> c == k ? 0 : 1;
                    case INTERVAL -> (values[c] - values[k]) * (values[c] - values[k]);
                    case ORDINAL -> {
                        double between = 0;
                        for (int g = Math.min(c, k); g <= Math.max(c, k); g++) {
                            between += marginals[g];
                        }
                        double x = between - (marginals[c] + marginals[k]) / 2;
                        yield x * x;
                    }
                };
            }
        }
        return d;
    }
}
