package dev.elmstudio.engine.factor;

/**
 * The result of ALS: a d-dimensional vector per user and per movie, row-major
 * ({@code users[u * d .. u * d + d)}); a user's predicted affinity for a movie is their dot product.
 * Ids map the dense rows back to the source's user and movie ids.
 */
public record Factors(int dimension, float[] users, float[] movies, int[] userIds, int[] movieIds) {
    public Factors {
        if (users.length != userIds.length * dimension || movies.length != movieIds.length * dimension) {
            throw new IllegalArgumentException("factor arrays do not match " + userIds.length + " users, "
                    + movieIds.length + " movies and d = " + dimension);
        }
    }

    public float score(int user, int movie) {
        float sum = 0;
        int u = user * dimension;
        int m = movie * dimension;
        for (int k = 0; k < dimension; k++) {
            sum += users[u + k] * movies[m + k];
        }
        return sum;
    }
}
