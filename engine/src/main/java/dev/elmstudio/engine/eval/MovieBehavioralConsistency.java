package dev.elmstudio.engine.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * Behavioral consistency for text generated about a movie: does the text rank users the way the
 * movie's behavioral embedding does?
 *
 * <p>Exactly what is computed, for a movie with behavioral embedding w and generated text o:
 * <ol>
 *   <li>once, on training movies: a ridge map M from text-encoder space to behavioral space,
 *       fitted on (semantic embedding, behavioral embedding) pairs ({@link #fitTextToBehavior});</li>
 *   <li>ŵ = M(encode(o)), the behavioral vector the text implies;</li>
 *   <li>for every user u in the panel, predicted s_u = u·ŵ and reference r_u = u·w (the rating
 *       model's scores);</li>
 *   <li>Spearman ρ between s and r; and NDCG over all users of the ranking by s with relevance
 *       (r_u − min r)/(max r − min r), i.e. the reference scores rescaled to [0, 1] so the gain is
 *       non-negative and the least interested user counts 0.</li>
 * </ol>
 * Both are NaN when every reference score is the same (w is orthogonal to every user).
 */
public final class MovieBehavioralConsistency {

    private final TextEmbedder encoder;
    private final LinearMap textToBehavior;
    private final List<float[]> users;

    public MovieBehavioralConsistency(TextEmbedder encoder, LinearMap textToBehavior, List<float[]> users) {
        if (encoder == null || textToBehavior == null) {
            throw new IllegalArgumentException("movie BC: encoder and text-to-behavior map are required");
        }
        if (users.size() < 2) {
            throw new IllegalArgumentException("movie BC: needs at least 2 users, got " + users.size());
        }
        for (int i = 0; i < users.size(); i++) {
            Checks.sameLength("movie BC: user " + i + " vs map output", textToBehavior.outputDim(), users.get(i).length);
        }
        this.encoder = encoder;
        this.textToBehavior = textToBehavior;
        this.users = List.copyOf(users);
    }

    /** Ridge map from training movies' semantic embeddings to their behavioral embeddings. */
    public static LinearMap fitTextToBehavior(List<float[]> semantic, List<float[]> behavioral, double lambda) {
        return RidgeRegression.fit(semantic, behavioral, lambda);
    }

    public BehavioralScore score(String generatedText, float[] behavioralEmbedding) {
        Checks.sameLength("movie BC: behavioral embedding", textToBehavior.outputDim(), behavioralEmbedding.length);
        float[] implied = textToBehavior.apply(encoder.encode(generatedText));
        double[] predicted = userScores(implied);
        double[] reference = userScores(behavioralEmbedding);
        return new BehavioralScore(Ndcg.ndcg(predicted, rescaledToUnit(reference)), Correlation.spearman(predicted, reference));
    }

    /** Every output scored against its movie's behavioral embedding, in order. */
    public List<BehavioralScore> scoreAll(List<String> generatedTexts, List<float[]> behavioralEmbeddings) {
        Checks.sameLength("movie BC", generatedTexts.size(), behavioralEmbeddings.size());
        List<BehavioralScore> scores = new ArrayList<>(generatedTexts.size());
        for (int i = 0; i < generatedTexts.size(); i++) {
            scores.add(score(generatedTexts.get(i), behavioralEmbeddings.get(i)));
        }
        return scores;
    }

    private double[] userScores(float[] movie) {
        double[] scores = new double[users.size()];
        for (int u = 0; u < scores.length; u++) {
            scores[u] = Vectors.dot(users.get(u), movie);
        }
        return scores;
    }

    /** (r − min)/(max − min); all zeros when r is constant, which makes NDCG NaN as documented. */
    static double[] rescaledToUnit(double[] values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double[] out = new double[values.length];
        if (max > min) {
            for (int i = 0; i < values.length; i++) {
                out[i] = (values[i] - min) / (max - min);
            }
        }
        return out;
    }
}
