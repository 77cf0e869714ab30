package dev.elmstudio.engine.factor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.elmstudio.engine.data.Ratings;
import org.junit.jupiter.api.Test;

class RankingQualityTest {
    private static Ratings ratings(int[] users, int[] movies, float[] stars) {
        return new Ratings(users, movies, stars, new int[users.length], new int[] {1, 2}, new int[] {10, 11, 12, 13, 14});
    }

    @Test
    void recallAndNdcgMatchHandWorkedValues() {
        // User 0 rated movie 0 in training; movies 1 and 3 are held out.
        Ratings train = ratings(new int[] {0, 1}, new int[] {0, 4}, new float[] {5, 5});
        Ratings test = ratings(new int[] {0, 0}, new int[] {1, 3}, new float[] {4, 4});
        // Scores rank (movie 0 excluded as seen): 2, 3, 1, 4 → held-out hits at ranks 2 and 3.
        MovieScorer scorer = (user, out) -> {
            float[] s = {9, 7, 8, 7.5f, 1};
            System.arraycopy(s, 0, out, 0, out.length);
        };
        RankingQuality.Score at2 = new RankingQuality(train, test, 2, 0f, 100, 1).evaluate(scorer);
        assertEquals(1, at2.users()); // user 1 has nothing held out
        assertEquals(0.5, at2.recall(), 1e-12); // one of min(2, 2) found
        double idcg = 1 + 1 / log2(3);
        assertEquals((1 / log2(3)) / idcg, at2.ndcg(), 1e-12);

        RankingQuality.Score at3 = new RankingQuality(train, test, 3, 0f, 100, 1).evaluate(scorer);
        assertEquals(1.0, at3.recall(), 1e-12);
        assertEquals((1 / log2(3) + 1 / log2(4)) / idcg, at3.ndcg(), 1e-12);
    }

    @Test
    void heldOutSplitKeepsIndexSpaceAndOnlySplitsActiveUsers() {
        Ratings all = SyntheticRatings.clustered(40, 30, 3, 12, 9);
        HeldOutSplit split = HeldOutSplit.perUser(all, 0.25, 5, 4);
        assertEquals(all.size(), split.train().size() + split.test().size());
        assertEquals(all.userCount(), split.test().userCount());
        assertEquals(all.movieCount(), split.train().movieCount());
        HeldOutSplit again = HeldOutSplit.perUser(all, 0.25, 5, 4);
        assertEquals(split.test().size(), again.test().size());
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
