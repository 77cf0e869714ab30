package dev.elmstudio.engine.factor;

import dev.elmstudio.engine.data.FloatList;
import dev.elmstudio.engine.data.IntList;
import dev.elmstudio.engine.data.Ratings;
import java.util.SplittableRandom;

/** Small rating sets with a known structure, for ALS tests. */
final class SyntheticRatings {
    private SyntheticRatings() {
    }

    /**
     * Users fall into {@code groups} taste groups; each group mostly watches its own block of movies
     * (80%) and rates them high, plus some popular movies everyone watches. Popularity alone cannot
     * tell the groups apart; ALS can.
     */
    static Ratings clustered(int users, int movies, int groups, int perUser, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        IntList u = new IntList();
        IntList m = new IntList();
        FloatList v = new FloatList();
        int block = movies / groups;
        for (int user = 0; user < users; user++) {
            int group = user % groups;
            java.util.BitSet seen = new java.util.BitSet();
            for (int i = 0; i < perUser; i++) {
                int movie = random.nextDouble() < 0.8 ? group * block + random.nextInt(block) : random.nextInt(Math.max(1, movies / 10));
                if (seen.get(movie)) {
                    continue;
                }
                seen.set(movie);
                u.add(user);
                m.add(movie);
                v.add(movie / block == group ? 4.5f : 2.5f);
            }
        }
        return ratings(u, m, v, users, movies);
    }

    /** Ratings = round-to-half(3 + x·y) from true rank-2 factors, a fraction {@code density} observed. */
    static Ratings lowRank(int users, int movies, double density, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[users][2];
        double[][] y = new double[movies][2];
        for (double[] row : x) {
            row[0] = random.nextGaussian();
            row[1] = random.nextGaussian();
        }
        for (double[] row : y) {
            row[0] = random.nextGaussian();
            row[1] = random.nextGaussian();
        }
        IntList u = new IntList();
        IntList m = new IntList();
        FloatList v = new FloatList();
        for (int a = 0; a < users; a++) {
            for (int b = 0; b < movies; b++) {
                if (random.nextDouble() < density) {
                    double r = 3 + 0.7 * (x[a][0] * y[b][0] + x[a][1] * y[b][1]);
                    u.add(a);
                    m.add(b);
                    v.add((float) Math.max(0.5, Math.min(5, Math.rint(r * 2) / 2)));
                }
            }
        }
        return ratings(u, m, v, users, movies);
    }

    private static Ratings ratings(IntList u, IntList m, FloatList v, int users, int movies) {
        int[] userIds = new int[users];
        int[] movieIds = new int[movies];
        for (int i = 0; i < users; i++) {
            userIds[i] = i + 1;
        }
        for (int i = 0; i < movies; i++) {
            movieIds[i] = 1000 + i;
        }
        return new Ratings(u.toArray(), m.toArray(), v.toArray(), new int[u.size()], userIds, movieIds);
    }
}
