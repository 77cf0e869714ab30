package dev.elmstudio.engine.data.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded crowd of simulated viewers who watch, rate and tag the demo's real films. Shown as
 * "simulated audience" wherever it appears: the films are real, the people are not.
 *
 * <p>Each viewer ({@link Viewer}) has a taste over the films' real attributes. Which films they
 * rate depends both on how visible a film is (IMDB votes) and on their taste, as with real
 * audiences; that is what lets collaborative filtering beat "most popular". The rating is the
 * viewer's standardised affinity plus their generosity plus noise, in half stars.
 *
 * <p>Deterministic: viewer i draws from the i-th split of one {@link SplittableRandom}, so the same
 * seed and films give the same audience, value for value.
 */
public final class SimulatedAudience {

    /** @param viewers how many viewers; @param seed the world's seed */
    public record Config(int viewers, long seed) {
        public Config {
            if (viewers < 1) {
                throw new IllegalArgumentException("viewers must be >= 1, got " + viewers);
            }
        }

        public static Config defaults() {
            return new Config(1500, 42);
        }
    }

    /** One rating, MovieLens-style. */
    public record Rating(int userId, int movieId, float stars, int timestamp) { }

    /** One tag, MovieLens-style. */
    public record Tag(int userId, int movieId, String tag, int timestamp) { }

    /** Everything the audience did. */
    public record Activity(List<Rating> ratings, List<Tag> tags) { }

    private static final double EXPOSURE_WEIGHT = 0.35;
    private static final double TASTE_WEIGHT = 1.5;
    private static final int FIRST_DAY = 946_684_800; // 2000-01-01, MovieLens-era timestamps

    private SimulatedAudience() {
    }

    public static Activity simulate(List<Film> films, Config config) {
        FilmTraits traits = new FilmTraits(films);
        SplittableRandom root = new SplittableRandom(config.seed());
        List<Rating> ratings = new ArrayList<>();
        List<Tag> tags = new ArrayList<>();
        double[] affinity = new double[films.size()];
        double[] key = new double[films.size()];
        for (int user = 1; user <= config.viewers(); user++) {
            SplittableRandom random = root.split();
            Viewer viewer = Viewer.draw(random, traits.genres().size(), films.size());
            double mean = 0;
            for (int f = 0; f < films.size(); f++) {
                affinity[f] = viewer.affinity(traits, f);
                mean += affinity[f];
            }
            mean /= films.size();
            double variance = 0;
            for (double a : affinity) {
                variance += (a - mean) * (a - mean);
            }
            double sd = Math.sqrt(variance / films.size()) + 1e-9;
            // Gumbel-top-k: the k largest of log-weight + Gumbel noise are a weighted sample without replacement.
            for (int f = 0; f < films.size(); f++) {
                key[f] = EXPOSURE_WEIGHT * traits.logExposure(f) + TASTE_WEIGHT * affinity[f] - Math.log(-Math.log(uniform(random)));
            }
            int[] watched = topK(key, viewer.filmsToRate);
            Arrays.sort(watched);
            int activeFrom = FIRST_DAY + random.nextInt(3650) * 86_400;
            for (int f : watched) {
                Film film = films.get(f);
                double z = (affinity[f] - mean) / sd;
                double raw = 3.3 + viewer.generosity + 0.8 * z + 0.5 * random.nextGaussian();
                float stars = (float) Math.max(0.5, Math.min(5, Math.rint(raw * 2) / 2));
                int released = (int) (java.time.LocalDate.parse(film.releaseDate()).toEpochDay() * 86_400L);
                int time = Math.max(activeFrom, released) + random.nextInt(400 * 86_400);
                ratings.add(new Rating(user, film.id(), stars, time));
                if (random.nextDouble() < viewer.tagRate) {
                    List<String> candidates = FilmTags.candidates(film, stars);
                    if (!candidates.isEmpty()) {
                        tags.add(new Tag(user, film.id(), candidates.get(random.nextInt(candidates.size())), time + 60));
                    }
                }
            }
        }
        return new Activity(ratings, tags);
    }

    private static double uniform(SplittableRandom random) {
        return Math.max(Double.MIN_VALUE, random.nextDouble());
    }

    private static int[] topK(double[] key, int k) {
        Integer[] order = new Integer[key.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(key[b], key[a]));
        int[] out = new int[Math.min(k, order.length)];
        for (int i = 0; i < out.length; i++) {
            out[i] = order[i];
        }
        return out;
    }
}
