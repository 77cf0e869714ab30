package dev.elmstudio.engine.factor;

import dev.elmstudio.engine.data.Ratings;
import java.util.Locale;

/**
 * How well behavioral embeddings predict held-out ratings, beside the popularity baseline they
 * must beat.
 *
 * @param k cut-off of the ranking metrics (20)
 * @param als recall@k / NDCG@k of ALS
 * @param popularity recall@k / NDCG@k of ranking by training popularity
 * @param rmse root mean squared error of x·y against held-out ratings in explicit mode; NaN in
 *     implicit mode, whose scores are preferences, not stars
 * @param trainRatings ratings used for training
 * @param testRatings held-out ratings
 */
public record QualityReport(int k, RankingQuality.Score als, RankingQuality.Score popularity, double rmse,
        int trainRatings, int testRatings) {

    /** Trains ALS on a seeded per-user split (20% held out) and scores both rankers. */
    public static QualityReport measure(Ratings ratings, AlsConfig config, int k, int maxUsers) {
        HeldOutSplit split = HeldOutSplit.perUser(ratings, 0.2, 5, config.seed());
        Factors factors = new Wals(config).train(split.train());
        RankingQuality quality = new RankingQuality(split.train(), split.test(), k, 0f, maxUsers, config.seed());
        RankingQuality.Score als = quality.evaluate(MovieScorer.of(factors));
        RankingQuality.Score popular = quality.evaluate(MovieScorer.popularity(SparseRows.byMovie(split.train())));
        double rmse = config.feedback() == AlsConfig.Feedback.EXPLICIT ? rmse(factors, split.test()) : Double.NaN;
        return new QualityReport(k, als, popular, rmse, split.train().size(), split.test().size());
    }

    public static double rmse(Factors factors, Ratings test) {
        double sum = 0;
        for (int row = 0; row < test.size(); row++) {
            double error = test.value(row) - factors.score(test.userIndex(row), test.movieIndex(row));
            sum += error * error;
        }
        return test.size() == 0 ? Double.NaN : Math.sqrt(sum / test.size());
    }

    public String summary() {
        return String.format(Locale.ROOT, "recall@%d ALS %.4f vs popularity %.4f; NDCG@%d ALS %.4f vs popularity %.4f; "
                + "%s%d users, %d train / %d held-out ratings", k, als.recall(), popularity.recall(), k, als.ndcg(),
                popularity.ndcg(), Double.isNaN(rmse) ? "" : String.format(Locale.ROOT, "RMSE %.4f; ", rmse), als.users(),
                trainRatings, testRatings);
    }
}
