package dev.elmstudio.engine.cav;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded train/held-out split that keeps each class's share in both parts, so a rare attribute
 * still has positives to test on.
 *
 * @param train rows to fit on, ascending
 * @param test  held-out rows, ascending
 */
public record StratifiedSplit(int[] train, int[] test) {

    /** Holds out round(testFraction · n_c) rows of each class c, at least one, chosen by a seeded shuffle. */
    public static StratifiedSplit of(boolean[] labels, double testFraction, long seed) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("split: test fraction must be in (0, 1), got " + testFraction);
        }
        SplittableRandom random = new SplittableRandom(seed);
        boolean[] heldOut = new boolean[labels.length];
        for (boolean positive : new boolean[] {false, true}) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == positive) {
                    members.add(i);
                }
            }
            if (members.size() < 2) {
                throw new IllegalArgumentException("split: the " + (positive ? "positive" : "negative")
                        + " class has " + members.size() + " items; need at least 2 (one to train on, one to test)");
            }
            // Fisher-Yates with the seeded generator: the split depends only on the labels and the seed
            for (int i = members.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                Integer swap = members.get(i);
                members.set(i, members.get(j));
                members.set(j, swap);
            }
            int testCount = Math.max(1, Math.min(members.size() - 1, (int) Math.round(testFraction * members.size())));
            for (int k = 0; k < testCount; k++) {
                heldOut[members.get(k)] = true;
            }
        }
        List<Integer> train = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            (heldOut[i] ? test : train).add(i);
        }
        return new StratifiedSplit(train.stream().mapToInt(Integer::intValue).toArray(),
                test.stream().mapToInt(Integer::intValue).toArray());
    }
}
