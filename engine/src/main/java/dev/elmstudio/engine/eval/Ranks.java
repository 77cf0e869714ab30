package dev.elmstudio.engine.eval;

import java.util.Arrays;
import java.util.Comparator;

/** Ranks with ties shared, the convention Spearman's coefficient needs. */
public final class Ranks {

    private Ranks() { }

    /**
     * 1-based ascending ranks; tied values all get the mean of the ranks they span, so
     * {@code [10, 20, 20, 30]} gives {@code [1, 2.5, 2.5, 4]}.
     */
    public static double[] averageRanks(double[] values) {
        Checks.finite("averageRanks", values);
        Integer[] order = indicesByValue(values);
        double[] ranks = new double[values.length];
        int start = 0;
        while (start < order.length) {
            int end = start + 1;
            while (end < order.length && values[order[end]] == values[order[start]]) {
                end++;
            }
            // positions start..end-1 hold 1-based ranks start+1..end; their mean is (start+1+end)/2
            double shared = (start + 1 + end) / 2.0;
            for (int i = start; i < end; i++) {
                ranks[order[i]] = shared;
            }
            start = end;
        }
        return ranks;
    }

    /** Indices sorted by ascending value; equal values keep index order, so the result is deterministic. */
    static Integer[] indicesByValue(double[] values) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        return order;
    }
}
