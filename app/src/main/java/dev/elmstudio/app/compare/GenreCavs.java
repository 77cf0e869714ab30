package dev.elmstudio.app.compare;

import dev.elmstudio.engine.cav.Cav;
import dev.elmstudio.engine.cav.CavTrainer;
import dev.elmstudio.engine.data.Movie;
import dev.elmstudio.engine.data.MovieLensDataset;
import dev.elmstudio.engine.data.embedding.EmbeddingSpace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A CAV for "has genre G" in a movie embedding space, labelled from the dataset's catalogue. Deterministic for a
 * seed, so {@code elm cav}, {@code elm generate --cav} and the Compare panel agree on the direction without storing it.
 */
public final class GenreCavs {
    private GenreCavs() {}

    /** @throws IllegalArgumentException when the genre has fewer than 2 films with it or 2 without it in the space */
    public static Cav train(MovieLensDataset data, EmbeddingSpace space, String genre, long seed) {
        List<float[]> vectors = new ArrayList<>();
        List<Boolean> labels = new ArrayList<>();
        for (int row = 0; row < space.size(); row++) {
            Optional<Movie> movie = data.catalogue().byId(space.ids()[row]);
            if (movie.isPresent()) {
                vectors.add(space.vector(row));
                labels.add(movie.get().genres().stream().anyMatch(g -> g.equalsIgnoreCase(genre)));
            }
        }
        boolean[] has = new boolean[labels.size()];
        int positives = 0;
        for (int i = 0; i < has.length; i++) {
            has[i] = labels.get(i);
            positives += has[i] ? 1 : 0;
        }
        if (positives < 2 || has.length - positives < 2) {
            throw new IllegalArgumentException("genre '" + genre + "' has " + positives + " of " + has.length
                    + " movies in space '" + space.name() + "'; a CAV needs at least 2 with and 2 without");
        }
        return CavTrainer.defaults(seed).train("genre:" + genre, vectors, has);
    }

    /** Genres a CAV can be trained for in {@code space} (2 films with and 2 without), sorted. */
    public static List<String> trainable(MovieLensDataset data, EmbeddingSpace space) {
        Map<String, Integer> counts = new HashMap<>();
        int films = 0;
        for (int id : space.ids()) {
            Optional<Movie> movie = data.catalogue().byId(id);
            if (movie.isPresent()) {
                films++;
                movie.get().genres().forEach(g -> counts.merge(g, 1, Integer::sum));
            }
        }
        int total = films;
        return new ArrayList<>(new TreeSet<>(counts.entrySet().stream()
                .filter(e -> e.getValue() >= 2 && total - e.getValue() >= 2).map(Map.Entry::getKey).toList()));
    }

    /** {@code vector + strength · direction}: positive strength pushes towards the genre. */
    public static float[] shift(float[] vector, Cav cav, double strength) {
        float[] out = vector.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] += (float) (strength * cav.direction()[i]);
        }
        return out;
    }
}
