package dev.elmstudio.engine.data;

import java.util.Arrays;

/**
 * Ratings as compact columns: row i says that user {@code userIndex[i]} gave movie
 * {@code movieIndex[i]} the value {@code value[i]} at {@code timestamp[i]} (seconds since 1970).
 * Users and movies are dense indices; {@code userIds} and {@code movieIds} map them back to the
 * source's ids. ML-25M's 25M rows take 400 MB here instead of several GB of objects.
 *
 * <p>The arrays are shared, not copied: treat them as read-only.
 */
public final class Ratings {
    private final int[] userIndex;
    private final int[] movieIndex;
    private final float[] value;
    private final int[] timestamp;
    private final int[] userIds;
    private final int[] movieIds;

    public Ratings(int[] userIndex, int[] movieIndex, float[] value, int[] timestamp, int[] userIds, int[] movieIds) {
        int n = userIndex.length;
        if (movieIndex.length != n || value.length != n || timestamp.length != n) {
            throw new IllegalArgumentException("rating columns differ in length: users " + n + ", movies "
                    + movieIndex.length + ", values " + value.length + ", timestamps " + timestamp.length);
        }
        this.userIndex = userIndex;
        this.movieIndex = movieIndex;
        this.value = value;
        this.timestamp = timestamp;
        this.userIds = userIds;
        this.movieIds = movieIds;
    }

    public int size() {
        return userIndex.length;
    }

    public int userCount() {
        return userIds.length;
    }

    public int movieCount() {
        return movieIds.length;
    }

    public int userIndex(int row) {
        return userIndex[row];
    }

    public int movieIndex(int row) {
        return movieIndex[row];
    }

    public float value(int row) {
        return value[row];
    }

    public int timestamp(int row) {
        return timestamp[row];
    }

    public int userId(int userIndex) {
        return userIds[userIndex];
    }

    public int movieId(int movieIndex) {
        return movieIds[movieIndex];
    }

    public int[] userIndexColumn() {
        return userIndex;
    }

    public int[] movieIndexColumn() {
        return movieIndex;
    }

    public float[] valueColumn() {
        return value;
    }

    public int[] userIds() {
        return userIds;
    }

    public int[] movieIds() {
        return movieIds;
    }

    /** Number of ratings each movie received, by movie index. */
    public int[] countsPerMovie() {
        int[] counts = new int[movieIds.length];
        for (int m : movieIndex) {
            counts[m]++;
        }
        return counts;
    }

    /** Number of ratings each user gave, by user index. */
    public int[] countsPerUser() {
        int[] counts = new int[userIds.length];
        for (int u : userIndex) {
            counts[u]++;
        }
        return counts;
    }

    /**
     * The rows whose {@code keep} flag is set, with users and movies that lose all their ratings
     * dropped and the rest renumbered densely in their previous order.
     */
    public Ratings select(boolean[] keep) {
        if (keep.length != size()) {
            throw new IllegalArgumentException("keep has " + keep.length + " flags for " + size() + " ratings");
        }
        int kept = 0;
        boolean[] userUsed = new boolean[userIds.length];
        boolean[] movieUsed = new boolean[movieIds.length];
        for (int i = 0; i < keep.length; i++) {
            if (keep[i]) {
                kept++;
                userUsed[userIndex[i]] = true;
                movieUsed[movieIndex[i]] = true;
            }
        }
        int[] newUser = renumber(userUsed);
        int[] newMovie = renumber(movieUsed);
        int[] u = new int[kept];
        int[] m = new int[kept];
        float[] v = new float[kept];
        int[] t = new int[kept];
        int j = 0;
        for (int i = 0; i < keep.length; i++) {
            if (keep[i]) {
                u[j] = newUser[userIndex[i]];
                m[j] = newMovie[movieIndex[i]];
                v[j] = value[i];
                t[j] = timestamp[i];
                j++;
            }
        }
        return new Ratings(u, m, v, t, keptIds(userIds, newUser), keptIds(movieIds, newMovie));
    }

    /** Keeps only movies with at least {@code minRatings} ratings (the paper keeps ≥ 5). */
    public Ratings withMinRatingsPerMovie(int minRatings) {
        int[] counts = countsPerMovie();
        boolean[] keep = new boolean[size()];
        boolean all = true;
        for (int i = 0; i < keep.length; i++) {
            keep[i] = counts[movieIndex[i]] >= minRatings;
            all &= keep[i];
        }
        return all && Arrays.stream(counts).allMatch(c -> c >= minRatings) ? this : select(keep);
    }

    private static int[] renumber(boolean[] used) {
        int[] map = new int[used.length];
        int next = 0;
        for (int i = 0; i < used.length; i++) {
            map[i] = used[i] ? next++ : -1;
        }
        return map;
    }

    private static int[] keptIds(int[] ids, int[] map) {
        int n = 0;
        for (int x : map) {
            if (x >= 0) {
                n++;
            }
        }
        int[] out = new int[n];
        for (int i = 0; i < map.length; i++) {
            if (map[i] >= 0) {
                out[map[i]] = ids[i];
            }
        }
        return out;
    }
}
