package dev.elmstudio.engine.eval;

import java.util.List;

/**
 * Behavioral consistency for a generated user profile (the paper's RankingScore(R_u, ρ(o_u))).
 *
 * <p>Exactly what is computed, for one user u with generated profile text o_u:
 * <ol>
 *   <li>e = encode(o_u) with the text encoder;</li>
 *   <li>for every candidate movie j, with m_j its embedding in the same text-encoder space (its
 *       semantic embedding), the predicted score s_j = cos(e, m_j);</li>
 *   <li>the reference r_j is u's true rating of j, and 0 when u has not rated j;</li>
 *   <li>NDCG@k of the ranking by s against relevance r (linear gain, {@link Ndcg}), and Spearman ρ
 *       between s and r (ties averaged, {@link Correlation#spearman}).</li>
 * </ol>
 * NDCG is NaN when u rated none of the candidates; Spearman is NaN when all r_j are equal.
 */
public final class UserBehavioralConsistency {

    private final TextEmbedder encoder;
    private final List<float[]> candidateMovies;
    private final int ndcgCutoff;

    /**
     * @param candidateMovies the candidates' embeddings in the encoder's space, one per movie
     * @param ndcgCutoff      k for NDCG@k; use candidateMovies.size() for the whole list
     */
    public UserBehavioralConsistency(TextEmbedder encoder, List<float[]> candidateMovies, int ndcgCutoff) {
        if (encoder == null) {
            throw new IllegalArgumentException("user BC: encoder is null");
        }
        if (candidateMovies.size() < 2) {
            throw new IllegalArgumentException("user BC: needs at least 2 candidate movies, got " + candidateMovies.size());
        }
        if (ndcgCutoff < 1) {
            throw new IllegalArgumentException("user BC: NDCG cut-off must be >= 1, got " + ndcgCutoff);
        }
        this.encoder = encoder;
        this.candidateMovies = List.copyOf(candidateMovies);
        this.ndcgCutoff = ndcgCutoff;
    }

    /** @param trueRatings u's rating of each candidate, in candidate order; 0 for unrated */
    public BehavioralScore score(String generatedProfile, double[] trueRatings) {
        Checks.sameLength("user BC: ratings vs candidates", candidateMovies.size(), trueRatings.length);
        double[] predicted = predictedScores(encoder.encode(generatedProfile));
        return new BehavioralScore(
                Ndcg.ndcgAtK(predicted, trueRatings, ndcgCutoff),
                Correlation.spearman(predicted, trueRatings));
    }

    /** s_j = cos(encodedProfile, m_j); a zero vector on either side scores 0 (no preference). */
    double[] predictedScores(float[] encodedProfile) {
        double[] scores = new double[candidateMovies.size()];
        for (int j = 0; j < scores.length; j++) {
            double cosine = Vectors.cosine(encodedProfile, candidateMovies.get(j));
            scores[j] = Double.isNaN(cosine) ? 0 : cosine;
        }
        return scores;
    }
}
