package dev.elmstudio.app.compare;

import dev.elmstudio.engine.eval.SemanticConsistency;
import dev.elmstudio.engine.data.Movie;
import dev.elmstudio.engine.data.MovieLensDataset;
import dev.elmstudio.engine.data.embedding.EmbeddingSpace;
import dev.elmstudio.engine.data.task.MovieFacts;
import dev.elmstudio.engine.data.task.TaskGenerator;
import dev.elmstudio.engine.encode.TextEncoder;
import dev.elmstudio.engine.eval.BehavioralScore;
import dev.elmstudio.engine.eval.MovieBehavioralConsistency;
import dev.elmstudio.engine.eval.TextEmbedder;
import dev.elmstudio.engine.eval.Vectors;
import dev.elmstudio.engine.factor.AlsConfig;
import dev.elmstudio.engine.factor.Factors;
import dev.elmstudio.engine.factor.Wals;
import dev.elmstudio.storage.EmbeddingSpaceRecord;
import dev.elmstudio.storage.Workspace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SC and movie BC (engine/eval) for texts about a workspace dataset's films, the same for the ELM and the baseline.
 *
 * <ul>
 *   <li>SC = cos(encode(text), w_s) with all-MiniLM-L6-v2. w_s is the film's vector in the dataset's semantic space
 *       when it has one built by this encoder (kind "semantic", the encoder's width); otherwise it is built the
 *       way the demo builds semantic spaces: the mean encoding of the film's describing texts, from the facts the
 *       dataset holds (title, year, genres for MovieLens).</li>
 *   <li>BC ({@link MovieBehavioralConsistency}) needs users: ALS factors (implicit, seeded, the app's defaults) are
 *       fitted on the dataset's ratings, and the text → behavior ridge map on up to {@value #MAP_FILMS} films'
 *       semantic vectors. Datasets with fewer than 2 users get no BC.</li>
 * </ul>
 * A blank text has no meaning to score: every metric is NaN for it. Thread-safe; BC is set up on first use.
 */
public final class ConsistencyScorer {
    /**
     * Films the ridge map is fitted on when the dataset has no semantic space and their vectors must be encoded:
     * 300 took 20 s to encode on the demo world on a busy 2-core machine, 150 keeps loading a run in the panel
     * bearable while the ridge penalty keeps the map stable.
     */
    static final int MAP_FILMS = 150;
    /** Ridge penalty, as in the demo evaluation (few hundred films against 384 inputs needs shrinkage). */
    static final double RIDGE_LAMBDA = 1.0;
    static final long ALS_SEED = 42;

    private final MovieLensDataset data;
    private final EmbeddingSpace semanticSpace;
    private final TextEncoder encoder;
    private final TextEmbedder embedder;
    private final SemanticConsistency consistency;
    private final Map<Integer, float[]> semanticCache = new ConcurrentHashMap<>();
    private volatile Behavior behavior;

    /** Where a text should land: the semantic vector and (when the dataset has users) the behavioral one. */
    public record Reference(String label, float[] semantic, float[] behavioral) {}

    /** One text's scores; NaN where undefined (blank text) or unavailable (no users). */
    public record Scores(double sc, double bcNdcg, double bcSpearman) {
        public static final Scores NONE = new Scores(Double.NaN, Double.NaN, Double.NaN);

        /** The defined scores by metric name ("sc", "bc_ndcg", "bc_spearman"), for storage and reports. */
        public Map<String, Double> defined() {
            Map<String, Double> out = new LinkedHashMap<>();
            put(out, "sc", sc);
            put(out, "bc_ndcg", bcNdcg);
            put(out, "bc_spearman", bcSpearman);
            return out;
        }

        private static void put(Map<String, Double> out, String name, double value) {
            if (!Double.isNaN(value)) {
                out.put(name, value);
            }
        }
    }

    private record Behavior(MovieBehavioralConsistency bc, EmbeddingSpace movies) {}

    /** @param semanticSpace the dataset's semantic space built by {@code encoder}, or null to build vectors from facts */
    public ConsistencyScorer(MovieLensDataset data, EmbeddingSpace semanticSpace, TextEncoder encoder) {
        if (semanticSpace != null && semanticSpace.dimension() != encoder.dimension()) {
            throw new IllegalArgumentException("semantic space '" + semanticSpace.name() + "' has dimension "
                    + semanticSpace.dimension() + " but " + encoder.name() + " encodes to " + encoder.dimension());
        }
        this.data = data;
        this.semanticSpace = semanticSpace;
        this.encoder = encoder;
        this.embedder = text -> text == null || text.isBlank() ? new float[encoder.dimension()]
                : encoder.encode(List.of(text)).get(0);
        this.consistency = new SemanticConsistency(embedder);
    }

    /**
     * The dataset's space built by an encoder of {@code dimension} (kind "semantic"), preferring the run's own
     * space {@code preferred}; null when there is none and SC vectors must be built from the films' facts.
     */
    public static EmbeddingSpaceRecord semanticSpace(Workspace workspace, long datasetId, String preferred, int dimension) {
        return workspace.embeddingSpaces().list(datasetId).stream()
                .filter(s -> "semantic".equals(s.kind()) && s.dimension() == dimension)
                .min(Comparator.comparing((EmbeddingSpaceRecord s) -> !s.name().equals(preferred)))
                .orElse(null);
    }

    public boolean hasUsers() {
        return data.ratings().userCount() >= 2;
    }

    /**
     * Fits what BC needs now (ALS on the ratings, the ridge map) instead of on the first score, so the app can do it
     * while it loads a run rather than while the user waits for a text. Does nothing without users.
     */
    public void prepare() {
        if (hasUsers()) {
            behavior();
        }
    }

    public String title(int movieId) {
        return catalogueMovie(movieId).displayTitle();
    }

    /** The film's semantic vector w_s (see the class comment for where it comes from). */
    public float[] semantic(int movieId) {
        return semanticCache.computeIfAbsent(movieId, id -> {
            if (semanticSpace != null && semanticSpace.rowOf(id) >= 0) {
                return semanticSpace.vector(semanticSpace.rowOf(id));
            }
            List<float[]> encoded = encoder.encode(TaskGenerator.describingTexts(MovieFacts.of(catalogueMovie(id))));
            float[] mean = new float[encoder.dimension()];
            for (float[] v : encoded) {
                for (int k = 0; k < mean.length; k++) {
                    mean[k] += v[k] / encoded.size();
                }
            }
            return mean;
        });
    }

    /** The film itself: its semantic vector and, where the dataset has users, its behavioral one. */
    public Reference movie(int movieId) {
        float[] behavioral = hasUsers() ? behavioral(movieId) : null;
        return new Reference(title(movieId), semantic(movieId), behavioral);
    }

    /** (1 − t)·A + t·B in both spaces: t = 0 is {@code from}, 1 is {@code to}. */
    public Reference between(int from, int to, double t) {
        Reference a = movie(from);
        Reference b = movie(to);
        float[] behavioral = a.behavioral() == null || b.behavioral() == null ? null
                : Vectors.interpolate(a.behavioral(), b.behavioral(), t);
        return new Reference(String.format(Locale.ROOT, "%s → %s at t = %.2f", a.label(), b.label(), t),
                Vectors.interpolate(a.semantic(), b.semantic(), t), behavioral);
    }

    public Scores score(String text, Reference reference) {
        if (text == null || text.isBlank()) {
            return Scores.NONE;
        }
        double sc = consistency.score(text, reference.semantic());
        if (reference.behavioral() == null) {
            return new Scores(sc, Double.NaN, Double.NaN);
        }
        BehavioralScore bc = behavior().bc().score(text, reference.behavioral());
        return new Scores(sc, bc.ndcg(), bc.spearman());
    }

    private float[] behavioral(int movieId) {
        EmbeddingSpace movies = behavior().movies();
        int row = movies.rowOf(movieId);
        return row < 0 ? null : movies.vector(row); // a film nobody rated has no behavior to compare with
    }

    private Behavior behavior() {
        Behavior b = behavior;
        if (b == null) {
            synchronized (this) {
                if (behavior == null) {
                    behavior = fitBehavior();
                }
                b = behavior;
            }
        }
        return b;
    }

    private Behavior fitBehavior() {
        Factors factors = new Wals(AlsConfig.defaults().withSeed(ALS_SEED)).train(data.ratings());
        EmbeddingSpace movies = EmbeddingSpace.movies("movies-behavioral", factors);
        EmbeddingSpace users = EmbeddingSpace.users("users-behavioral", factors);
        List<float[]> userVectors = new ArrayList<>();
        for (int u = 0; u < users.size(); u++) {
            userVectors.add(users.vector(u));
        }
        // Evenly spaced films, so the map sees the whole catalogue rather than its first ids.
        int step = Math.max(1, movies.size() / MAP_FILMS);
        List<float[]> semantic = new ArrayList<>();
        List<float[]> behavioral = new ArrayList<>();
        for (int row = 0; row < movies.size() && semantic.size() < MAP_FILMS; row += step) {
            if (data.catalogue().byId(movies.ids()[row]).isPresent()) {
                semantic.add(semantic(movies.ids()[row]));
                behavioral.add(movies.vector(row));
            }
        }
        MovieBehavioralConsistency bc = new MovieBehavioralConsistency(embedder,
                MovieBehavioralConsistency.fitTextToBehavior(semantic, behavioral, RIDGE_LAMBDA), userVectors);
        return new Behavior(bc, movies);
    }

    private Movie catalogueMovie(int id) {
        return data.catalogue().byId(id).orElseThrow(() -> new IllegalArgumentException("movie " + id
                + " is not in the dataset's catalogue"));
    }
}
