package dev.elmstudio.engine.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Attributes for concept activation vectors: for each movie and attribute ("funny", "dark") a
 * score in 0..1, stored row-major ({@code scores[movie * names.size() + attribute]}). A CAV
 * separates movies whose score reaches a threshold from the rest.
 *
 * <p>From ML-25M's tag genome when present (its relevance is the score), else from user tags (the
 * share of a movie's tag applications that name the attribute). Attributes with fewer than
 * {@code minSupport} positive movies are dropped: a classifier needs examples.
 */
public record MovieAttributes(List<String> names, int[] movieIds, float[] scores) {
    public MovieAttributes {
        names = List.copyOf(names);
        if ((long) movieIds.length * names.size() != scores.length) {
            throw new IllegalArgumentException("attribute scores do not match " + movieIds.length + " movies × " + names.size() + " attributes");
        }
    }

    /** Genome tags with at least {@code minSupport} movies of relevance ≥ {@code threshold}. */
    public static MovieAttributes fromGenome(TagGenome genome, int minSupport, float threshold) {
        int tags = genome.tags().size();
        int movies = genome.movieIds().length;
        List<Integer> kept = new ArrayList<>();
        for (int t = 0; t < tags; t++) {
            int support = 0;
            for (int m = 0; m < movies; m++) {
                if (genome.relevance(m, t) >= threshold) {
                    support++;
                }
            }
            if (support >= minSupport) {
                kept.add(t);
            }
        }
        float[] scores = new float[movies * kept.size()];
        for (int m = 0; m < movies; m++) {
            for (int a = 0; a < kept.size(); a++) {
                scores[m * kept.size() + a] = genome.relevance(m, kept.get(a));
            }
        }
        return new MovieAttributes(kept.stream().map(genome.tags()::get).toList(), genome.movieIds().clone(), scores);
    }

    /**
     * User tags, lower-cased and trimmed, on at least {@code minSupport} distinct movies. A movie's
     * score for a tag is the fraction of its tag applications that use it.
     *
     * @param movieIds the movies to score (typically the catalogue's); untagged ones score 0
     */
    public static MovieAttributes fromUserTags(UserTags tags, int[] movieIds, int minSupport) {
        IdIndex movies = IdIndex.of(movieIds);
        Map<String, Map<Integer, Integer>> counts = new TreeMap<>();
        int[] perMovie = new int[movieIds.length];
        for (int row = 0; row < tags.size(); row++) {
            int movie = movies.indexOf(tags.movieIds()[row]);
            if (movie < 0) {
                continue;
            }
            String tag = tags.tag(row).strip().toLowerCase(Locale.ROOT);
            counts.computeIfAbsent(tag, t -> new HashMap<>()).merge(movie, 1, Integer::sum);
            perMovie[movie]++;
        }
        List<String> names = new ArrayList<>();
        List<Map<Integer, Integer>> kept = new ArrayList<>();
        counts.forEach((tag, byMovie) -> {
            if (byMovie.size() >= minSupport) {
                names.add(tag);
                kept.add(byMovie);
            }
        });
        float[] scores = new float[movieIds.length * names.size()];
        for (int a = 0; a < names.size(); a++) {
            for (Map.Entry<Integer, Integer> e : kept.get(a).entrySet()) {
                scores[e.getKey() * names.size() + a] = (float) e.getValue() / perMovie[e.getKey()];
            }
        }
        return new MovieAttributes(names, movieIds.clone(), scores);
    }

    public int attributeIndex(String name) {
        int index = names.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("no attribute '" + name + "' (" + names.size() + " attributes, e.g. "
                    + names.subList(0, Math.min(5, names.size())) + ")");
        }
        return index;
    }

    public float score(int movieRow, int attribute) {
        return scores[movieRow * names.size() + attribute];
    }

    /** Which movies have the attribute: score ≥ {@code threshold} (genome: 0.5 is usual; user tags: any share > 0). */
    public boolean[] positives(int attribute, float threshold) {
        boolean[] out = new boolean[movieIds.length];
        for (int m = 0; m < movieIds.length; m++) {
            out[m] = score(m, attribute) >= threshold && score(m, attribute) > 0;
        }
        return out;
    }
}
