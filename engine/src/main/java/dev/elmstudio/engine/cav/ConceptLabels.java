package dev.elmstudio.engine.cav;

import dev.elmstudio.engine.data.Movie;
import dev.elmstudio.engine.data.MovieAttributes;
import dev.elmstudio.engine.data.MovieLensDataset;
import dev.elmstudio.engine.data.embedding.EmbeddingSpace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Which rows of a movie embedding space have a concept, labelled from the dataset itself: {@code genre:<G>} from
 * the catalogue, {@code tag:<t>} from the tag genome (relevance ≥ 0.5) or else from user tags (tagged at least
 * once). A concept is offered only when at least {@value #MIN_PER_CLASS} rows have it and as many do not: a
 * classifier needs examples of both. Labels are exact and deterministic, so {@code elm cav}, {@code elm generate
 * --cav} and the Explore panel find the same direction for the same seed.
 */
public final class ConceptLabels {
    public static final String GENRE = "genre:";
    public static final String TAG = "tag:";
    /** Rows needed on each side of a concept. */
    public static final int MIN_PER_CLASS = 2;
    /** User tags must name at least this many movies to become a concept (fewer is noise). */
    static final int MIN_TAGGED_MOVIES = 5;
    private static final float GENOME_THRESHOLD = 0.5f;

    /** The rows of the space with a vector for a labelled movie, and whether each has the concept. */
    public record Labels(String concept, int[] rows, boolean[] positive) {
        public int positives() {
            int count = 0;
            for (boolean p : positive) {
                count += p ? 1 : 0;
            }
            return count;
        }
    }

    private final EmbeddingSpace space;
    private final int[] labelledRows;
    private final Map<String, boolean[]> byConcept = new LinkedHashMap<>();

    private ConceptLabels(EmbeddingSpace space, int[] labelledRows) {
        this.space = space;
        this.labelledRows = labelledRows;
    }

    /** Genres and tags of the catalogue's movies that have a row in {@code space}. */
    public static ConceptLabels of(MovieLensDataset data, EmbeddingSpace space) {
        List<Integer> rows = new ArrayList<>();
        List<Movie> movies = new ArrayList<>();
        for (int row = 0; row < space.size(); row++) {
            Optional<Movie> movie = data.catalogue().byId(space.ids()[row]);
            if (movie.isPresent()) {
                rows.add(row);
                movies.add(movie.get());
            }
        }
        ConceptLabels labels = new ConceptLabels(space, rows.stream().mapToInt(Integer::intValue).toArray());
        TreeSet<String> genres = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        movies.forEach(m -> genres.addAll(m.genres()));
        for (String genre : genres) {
            boolean[] has = new boolean[movies.size()];
            for (int i = 0; i < has.length; i++) {
                has[i] = hasGenre(movies.get(i), genre);
            }
            labels.offer(GENRE + genre, has);
        }
        int[] movieIds = movies.stream().mapToInt(Movie::id).toArray();
        MovieAttributes tags = data.genome().isPresent()
                ? MovieAttributes.fromGenome(data.genome().get(), MIN_PER_CLASS, GENOME_THRESHOLD)
                : MovieAttributes.fromUserTags(data.tags(), movieIds, MIN_TAGGED_MOVIES);
        float threshold = data.genome().isPresent() ? GENOME_THRESHOLD : 0f;
        Map<Integer, Integer> tagRowOfMovie = new java.util.HashMap<>();
        for (int i = 0; i < tags.movieIds().length; i++) {
            tagRowOfMovie.put(tags.movieIds()[i], i);
        }
        for (int a = 0; a < tags.names().size(); a++) {
            boolean[] has = new boolean[movies.size()];
            for (int i = 0; i < has.length; i++) {
                Integer tagRow = tagRowOfMovie.get(movieIds[i]);
                float score = tagRow == null ? 0f : tags.score(tagRow, a);
                has[i] = score >= threshold && score > 0;
            }
            labels.offer(TAG + tags.names().get(a).toLowerCase(Locale.ROOT), has);
        }
        return labels;
    }

    /**
     * Labels for one genre (matched ignoring case) whatever its counts: for callers that explain a refusal
     * themselves ({@code elm cav}).
     */
    public static Labels genre(MovieLensDataset data, EmbeddingSpace space, String genre) {
        List<Integer> rows = new ArrayList<>();
        List<Boolean> has = new ArrayList<>();
        for (int row = 0; row < space.size(); row++) {
            Optional<Movie> movie = data.catalogue().byId(space.ids()[row]);
            if (movie.isPresent()) {
                rows.add(row);
                has.add(hasGenre(movie.get(), genre));
            }
        }
        boolean[] positive = new boolean[has.size()];
        for (int i = 0; i < positive.length; i++) {
            positive[i] = has.get(i);
        }
        return new Labels(GENRE + genre, rows.stream().mapToInt(Integer::intValue).toArray(), positive);
    }

    private static boolean hasGenre(Movie movie, String genre) {
        return movie.genres().stream().anyMatch(g -> g.equalsIgnoreCase(genre));
    }

    private void offer(String concept, boolean[] has) {
        int positives = 0;
        for (boolean p : has) {
            positives += p ? 1 : 0;
        }
        if (positives >= MIN_PER_CLASS && has.length - positives >= MIN_PER_CLASS && !byConcept.containsKey(concept)) {
            byConcept.put(concept, has);
        }
    }

    /** Concept names, genres first (alphabetical), then tags. */
    public List<String> concepts() {
        return List.copyOf(byConcept.keySet());
    }

    public boolean has(String concept) {
        return byConcept.containsKey(concept);
    }

    public Labels labels(String concept) {
        boolean[] has = byConcept.get(concept);
        if (has == null) {
            throw new IllegalArgumentException("no concept '" + concept + "' in space '" + space.name() + "' (it needs "
                    + MIN_PER_CLASS + " movies with it and " + MIN_PER_CLASS + " without; " + byConcept.size()
                    + " concepts, e.g. " + concepts().subList(0, Math.min(5, byConcept.size())) + ")");
        }
        return new Labels(concept, labelledRows.clone(), has.clone());
    }

    /** Trains the concept's CAV on the labelled rows' vectors. */
    public Cav train(String concept, CavTrainer trainer) {
        Labels labels = labels(concept);
        List<float[]> vectors = new ArrayList<>(labels.rows().length);
        for (int row : labels.rows()) {
            vectors.add(space.vector(row));
        }
        return trainer.train(concept, vectors, labels.positive());
    }
}
