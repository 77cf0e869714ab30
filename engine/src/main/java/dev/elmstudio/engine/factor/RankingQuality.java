package dev.elmstudio.engine.factor;

import dev.elmstudio.engine.data.Ratings;
import java.util.SplittableRandom;

/**
 * Top-k quality on held-out ratings. For each evaluated user, movies they rated in training are
 * excluded, the rest are ranked by the scorer, and the top k are compared with the user's held-out
 * movies rated at least {@code relevantFrom}:
 * recall@k = hits / min(k, relevant) and NDCG@k with binary gains (1 / log2(rank + 1)).
 * Both are averaged over users with at least one relevant held-out movie.
 */
public final class RankingQuality {

    /** Mean recall@k and NDCG@k over {@code users} users. */
    public record Score(double recall, double ndcg, int users) { }

    private final SparseRows trainByUser;
    private final SparseRows testByUser;
    private final int k;
    private final float relevantFrom;
    private final int[] evaluatedUsers;

    /**
     * @param maxUsers evaluate at most this many users (a seeded sample), which bounds the cost on
     *     ML-25M-sized data; every user when there are fewer
     */
    public RankingQuality(Ratings train, Ratings test, int k, float relevantFrom, int maxUsers, long seed) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        this.trainByUser = SparseRows.byUser(train);
        this.testByUser = SparseRows.byUser(test);
        this.k = k;
        this.relevantFrom = relevantFrom;
        this.evaluatedUsers = sampleUsers(maxUsers, seed);
    }

    public Score evaluate(MovieScorer scorer) {
        int movies = trainByUser.columnCount();
        float[] scores = new float[movies];
        boolean[] relevant = new boolean[movies];
        int[] top = new int[k];
        double recallSum = 0;
        double ndcgSum = 0;
        int counted = 0;
        for (int user : evaluatedUsers) {
            int relevantCount = markRelevant(user, relevant, true);
            if (relevantCount == 0) {
                continue;
            }
            scorer.score(user, scores);
            for (int e = trainByUser.start(user); e < trainByUser.end(user); e++) {
                scores[trainByUser.column(e)] = Float.NEGATIVE_INFINITY; // already seen: not a recommendation
            }
            int found = TopK.indices(scores, k, top);
            int hits = 0;
            double dcg = 0;
            for (int rank = 0; rank < found; rank++) {
                if (relevant[top[rank]]) {
                    hits++;
                    dcg += 1 / log2(rank + 2);
                }
            }
            double idcg = 0;
            for (int rank = 0; rank < Math.min(k, relevantCount); rank++) {
                idcg += 1 / log2(rank + 2);
            }
            recallSum += (double) hits / Math.min(k, relevantCount);
            ndcgSum += dcg / idcg;
            counted++;
            markRelevant(user, relevant, false);
        }
        return counted == 0 ? new Score(0, 0, 0) : new Score(recallSum / counted, ndcgSum / counted, counted);
    }

    private int markRelevant(int user, boolean[] relevant, boolean flag) {
        int count = 0;
        for (int e = testByUser.start(user); e < testByUser.end(user); e++) {
            if (testByUser.value(e) >= relevantFrom) {
                relevant[testByUser.column(e)] = flag;
                count++;
            }
        }
        return count;
    }

    private int[] sampleUsers(int maxUsers, long seed) {
        int users = testByUser.rowCount();
        int[] all = new int[users];
        for (int u = 0; u < users; u++) {
            all[u] = u;
        }
        if (users <= maxUsers) {
            return all;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < maxUsers; i++) { // partial Fisher–Yates
            int j = i + random.nextInt(users - i);
            int swap = all[i];
            all[i] = all[j];
            all[j] = swap;
        }
        int[] sample = java.util.Arrays.copyOf(all, maxUsers);
        java.util.Arrays.sort(sample);
        return sample;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
