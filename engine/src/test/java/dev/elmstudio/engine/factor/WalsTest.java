package dev.elmstudio.engine.factor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.elmstudio.engine.data.Ratings;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class WalsTest {
    private static final AlsConfig SMALL = AlsConfig.defaults().withDimension(8).withIterations(8).withThreads(2);

    @Test
    void choleskySolvesAHandWorkedSystem() {
        double[] a = {4, 2, 2, 3};   // [[4,2],[2,3]]
        double[] b = {10, 8};        // x = (1.75, 1.5)
        Cholesky.solveInPlace(a, b, 2);
        assertEquals(1.75, b[0], 1e-12);
        assertEquals(1.5, b[1], 1e-12);
    }

    @Test
    void sameSeedGivesIdenticalFactorsForAnyThreadCount() {
        Ratings ratings = SyntheticRatings.clustered(60, 80, 4, 15, 7);
        Factors one = new Wals(SMALL.withThreads(1)).train(ratings);
        Factors two = new Wals(SMALL.withThreads(2)).train(ratings);
        assertArrayEquals(one.users(), two.users());
        assertArrayEquals(one.movies(), two.movies());
        Factors otherSeed = new Wals(SMALL.withSeed(99)).train(ratings);
        assertTrue(otherSeed.movies()[0] != one.movies()[0]);
    }

    @Test
    void implicitUserStepMatchesTheDenseFormula() {
        Ratings ratings = SyntheticRatings.clustered(12, 10, 2, 5, 3);
        AlsConfig config = SMALL.withDimension(3).withIterations(1);
        Factors factors = new Wals(config).train(ratings);
        // After the sweep the movie side is fixed at `movies`; one more user solve, done densely here,
        // must give what Wals would give: (Yᵀ C Y + λI) x = Yᵀ C p over *all* movies.
        int d = 3;
        float[] y = factors.movies();
        SparseRows byUser = SparseRows.byUser(ratings);
        int user = 0;
        double[] c = new double[ratings.movieCount()];
        double[] p = new double[ratings.movieCount()];
        java.util.Arrays.fill(c, 1);
        for (int e = byUser.start(user); e < byUser.end(user); e++) {
            c[byUser.column(e)] = 1 + config.alpha() * byUser.value(e);
            p[byUser.column(e)] = 1;
        }
        double[] a = new double[d * d];
        double[] b = new double[d];
        for (int m = 0; m < c.length; m++) {
            for (int i = 0; i < d; i++) {
                b[i] += c[m] * p[m] * y[m * d + i];
                for (int j = 0; j < d; j++) {
                    a[i * d + j] += c[m] * y[m * d + i] * y[m * d + j];
                }
            }
        }
        for (int i = 0; i < d; i++) {
            a[i * d + i] += config.regularization();
        }
        Cholesky.solveInPlace(a, b, d);

        Factors again = new Wals(config.withIterations(2)).train(ratings);
        // The second sweep's user step used the first sweep's movie vectors, i.e. `y` above.
        for (int i = 0; i < d; i++) {
            assertEquals(b[i], again.users()[i], 1e-4 * Math.max(1, Math.abs(b[i])));
        }
    }

    @Test
    void explicitModePredictsHeldOutRatingsBetterThanTheMean() {
        Ratings ratings = SyntheticRatings.lowRank(120, 60, 0.4, 11);
        HeldOutSplit split = HeldOutSplit.perUser(ratings, 0.2, 5, 1);
        Factors factors = new Wals(SMALL.withFeedback(AlsConfig.Feedback.EXPLICIT).withRegularization(0.05)
                .withIterations(15)).train(split.train());
        double mean = 0;
        for (int i = 0; i < split.train().size(); i++) {
            mean += split.train().value(i);
        }
        mean /= split.train().size();
        double baseline = 0;
        for (int i = 0; i < split.test().size(); i++) {
            baseline += Math.pow(split.test().value(i) - mean, 2);
        }
        baseline = Math.sqrt(baseline / split.test().size());
        double rmse = QualityReport.rmse(factors, split.test());
        assertTrue(rmse < 0.75 * baseline, "ALS RMSE " + rmse + " vs predicting the mean " + baseline);
    }

    @Test
    void implicitAlsBeatsPopularityOnClusteredTastes() {
        Ratings ratings = SyntheticRatings.clustered(200, 200, 5, 25, 5);
        QualityReport report = QualityReport.measure(ratings, SMALL, 20, 10_000);
        assertTrue(report.als().recall() > 1.5 * report.popularity().recall(), report.summary());
        assertTrue(report.als().ndcg() > report.popularity().ndcg(), report.summary());
    }

    @Test
    void cancelStopsTraining() {
        Ratings ratings = SyntheticRatings.clustered(50, 50, 2, 10, 5);
        AlsListener cancel = new AlsListener() {
            @Override
            public boolean cancelRequested() {
                return true;
            }
        };
        assertThrows(CancellationException.class, () -> new Wals(SMALL).train(ratings, cancel));
    }

    @Test
    void topKBreaksTiesByLowerIndex() {
        int[] out = new int[3];
        int n = TopK.indices(new float[] {1, 5, Float.NEGATIVE_INFINITY, 5, 2}, 3, out);
        assertEquals(3, n);
        assertArrayEquals(new int[] {1, 3, 4}, out);
    }
}
