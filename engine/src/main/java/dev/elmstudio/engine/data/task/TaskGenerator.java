package dev.elmstudio.engine.data.task;

import dev.elmstudio.engine.data.Ratings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntUnaryOperator;

/**
 * Builds task examples for the paper's tasks that metadata can support: single-movie tasks, the
 * two-movie tasks (a random partner for similarities and interpolation, the nearest neighbour in
 * the semantic space for the "nn" tasks) and the user profile from liked and disliked movies.
 */
public final class TaskGenerator {
    public static final List<String> MOVIE_TASKS = List.of("summary", "long_description", "positive_review",
            "negative_review", "neutral_review", "five_positive_characteristics", "five_negative_characteristics",
            "movie_to_viewer");
    public static final List<String> PAIR_TASKS = List.of("similarities", "interpolation");
    public static final List<String> NEIGHBOUR_TASKS = List.of("why_like_nn", "diff_than_nn", "common_with_nn");

    private TaskGenerator() {
    }

    public static List<TaskExample> movieTasks(List<MovieFacts> movies) {
        List<TaskExample> out = new ArrayList<>();
        for (MovieFacts m : movies) {
            for (String task : MOVIE_TASKS) {
                out.add(new TaskExample(task, Map.of("movie", m.id()), TaskPrompts.of(task), movieTarget(task, m)));
            }
        }
        return out;
    }

    /** Similarities and interpolation with a seeded random partner for each movie. */
    public static List<TaskExample> pairTasks(List<MovieFacts> movies, long seed) {
        List<TaskExample> out = new ArrayList<>();
        if (movies.size() < 2) {
            return out;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < movies.size(); i++) {
            int j = random.nextInt(movies.size() - 1);
            MovieFacts a = movies.get(i);
            MovieFacts b = movies.get(j >= i ? j + 1 : j);
            Map<String, Integer> slots = Map.of("movie1", a.id(), "movie2", b.id());
            out.add(new TaskExample("similarities", slots, TaskPrompts.of("similarities"), PairTargets.similarities(a, b)));
            out.add(new TaskExample("interpolation", slots, TaskPrompts.of("interpolation"), PairTargets.interpolation(a, b)));
        }
        return out;
    }

    /**
     * The three "nn" tasks for each movie and its nearest neighbour.
     *
     * @param nearestNeighbour movie id → its nearest neighbour's id (see {@link NearestNeighbours})
     */
    public static List<TaskExample> neighbourTasks(List<MovieFacts> movies, IntUnaryOperator nearestNeighbour) {
        Map<Integer, MovieFacts> byId = new java.util.HashMap<>();
        movies.forEach(m -> byId.put(m.id(), m));
        List<TaskExample> out = new ArrayList<>();
        for (MovieFacts a : movies) {
            MovieFacts b = byId.get(nearestNeighbour.applyAsInt(a.id()));
            if (b == null || b.id() == a.id()) {
                continue;
            }
            Map<String, Integer> slots = Map.of("movie1", a.id(), "movie2", b.id());
            out.add(new TaskExample("why_like_nn", slots, TaskPrompts.of("why_like_nn"), PairTargets.whyLikeNeighbour(a, b)));
            out.add(new TaskExample("diff_than_nn", slots, TaskPrompts.of("diff_than_nn"), PairTargets.differenceFromNeighbour(a, b)));
            out.add(new TaskExample("common_with_nn", slots, TaskPrompts.of("common_with_nn"), PairTargets.commonWithNeighbour(a, b)));
        }
        return out;
    }

    /**
     * The user-profile task: ten bullet points from a user's five best- and five worst-rated movies
     * (ties broken by movie id). Users with fewer than ten rated movies that have facts are skipped.
     */
    public static List<TaskExample> userProfiles(Ratings ratings, Map<Integer, MovieFacts> facts) {
        List<List<int[]>> byUser = new ArrayList<>();
        for (int u = 0; u < ratings.userCount(); u++) {
            byUser.add(new ArrayList<>());
        }
        for (int row = 0; row < ratings.size(); row++) {
            int movieId = ratings.movieId(ratings.movieIndex(row));
            if (facts.containsKey(movieId)) {
                byUser.get(ratings.userIndex(row)).add(new int[] {movieId, Math.round(ratings.value(row) * 2)});
            }
        }
        List<TaskExample> out = new ArrayList<>();
        Comparator<int[]> best = Comparator.<int[]>comparingInt(r -> -r[1]).thenComparingInt(r -> r[0]);
        Comparator<int[]> worst = Comparator.<int[]>comparingInt(r -> r[1]).thenComparingInt(r -> r[0]);
        for (int u = 0; u < byUser.size(); u++) {
            List<int[]> rated = byUser.get(u);
            if (rated.size() < 10) {
                continue;
            }
            List<int[]> disliked = new ArrayList<>(rated);
            disliked.sort(worst);
            rated.sort(best);
            StringBuilder target = new StringBuilder();
            for (int i = 0; i < 5; i++) {
                MovieFacts m = facts.get(rated.get(i)[0]);
                target.append("- Likes ").append(m.titleWithYear()).append(", ").append(MovieTargets.article(m.genrePhrase()))
                        .append(' ').append(m.genrePhrase()).append('\n');
            }
            for (int i = 0; i < 5; i++) {
                MovieFacts m = facts.get(disliked.get(i)[0]);
                target.append("- Dislikes ").append(m.titleWithYear()).append(", ").append(MovieTargets.article(m.genrePhrase()))
                        .append(' ').append(m.genrePhrase()).append(i < 4 ? "\n" : "");
            }
            out.add(new TaskExample("user_profile", Map.of("user", ratings.userId(u)), TaskPrompts.of("user_profile"), target.toString()));
        }
        return out;
    }

    /**
     * The texts a movie's semantic embedding is averaged from when no plot or reviews are at hand:
     * its summary and long description (the paper averaged plot descriptions and reviews).
     */
    public static List<String> describingTexts(MovieFacts m) {
        return List.of(MovieTargets.summary(m), MovieTargets.longDescription(m));
    }

    static String movieTarget(String task, MovieFacts m) {
        return switch (task) {
            case "summary" -> MovieTargets.summary(m);
            case "long_description" -> MovieTargets.longDescription(m);
            case "positive_review" -> MovieTargets.review(m, "positive");
            case "negative_review" -> MovieTargets.review(m, "negative");
            case "neutral_review" -> MovieTargets.review(m, "neutral");
            case "five_positive_characteristics" -> MovieTargets.characteristics(m, true);
            case "five_negative_characteristics" -> MovieTargets.characteristics(m, false);
            case "movie_to_viewer" -> MovieTargets.movieToViewer(m);
            default -> throw new IllegalArgumentException("no single-movie target for task '" + task + "'");
        };
    }
}
