package dev.elmstudio.engine.factor;

import dev.elmstudio.engine.data.Ratings;
import java.util.SplittableRandom;

/**
 * Splits ratings into training and held-out parts for measuring ALS. Both parts keep the full
 * user and movie index space (no renumbering), so factors trained on one score the other.
 * Each user with at least {@code minUserRatings} ratings gives a seeded random fraction of them to
 * the test part; other users stay entirely in training.
 */
public record HeldOutSplit(Ratings train, Ratings test) {

    public static HeldOutSplit perUser(Ratings ratings, double testFraction, int minUserRatings, long seed) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("testFraction must be in (0, 1), got " + testFraction);
        }
        int[] perUser = ratings.countsPerUser();
        SplittableRandom random = new SplittableRandom(seed);
        boolean[] test = new boolean[ratings.size()];
        int testCount = 0;
        for (int row = 0; row < ratings.size(); row++) {
            // Draw for every row, so a row's fate does not depend on other users' counts.
            boolean draw = random.nextDouble() < testFraction;
            if (draw && perUser[ratings.userIndex(row)] >= minUserRatings) {
                test[row] = true;
                testCount++;
            }
        }
        return new HeldOutSplit(part(ratings, test, false, ratings.size() - testCount), part(ratings, test, true, testCount));
    }

    private static Ratings part(Ratings all, boolean[] test, boolean wanted, int count) {
        int[] u = new int[count];
        int[] m = new int[count];
        float[] v = new float[count];
        int[] t = new int[count];
        int j = 0;
        for (int row = 0; row < all.size(); row++) {
            if (test[row] == wanted) {
                u[j] = all.userIndex(row);
                m[j] = all.movieIndex(row);
                v[j] = all.value(row);
                t[j] = all.timestamp(row);
                j++;
            }
        }
        return new Ratings(u, m, v, t, all.userIds(), all.movieIds());
    }
}
