package dev.elmstudio.engine.factor;

/** Scores every movie for one user; higher means recommend sooner. */
@FunctionalInterface
public interface MovieScorer {
    void score(int user, float[] scoresByMovie);

    /** ALS: the dot product of the user's and each movie's vector. */
    static MovieScorer of(Factors factors) {
        return (user, out) -> {
            for (int m = 0; m < out.length; m++) {
                out[m] = factors.score(user, m);
            }
        };
    }

    /** The baseline ALS must beat: the same list for everyone, most-rated movies first. */
    static MovieScorer popularity(SparseRows trainByMovie) {
        float[] counts = new float[trainByMovie.rowCount()];
        for (int m = 0; m < counts.length; m++) {
            counts[m] = trainByMovie.end(m) - trainByMovie.start(m);
        }
        return (user, out) -> System.arraycopy(counts, 0, out, 0, out.length);
    }
}
