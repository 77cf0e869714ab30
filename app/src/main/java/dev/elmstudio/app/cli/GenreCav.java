package dev.elmstudio.app.cli;

import dev.elmstudio.engine.cav.Cav;
import dev.elmstudio.engine.cav.CavTrainer;
import dev.elmstudio.engine.data.Movie;
import dev.elmstudio.engine.data.MovieLensDataset;
import dev.elmstudio.engine.data.embedding.EmbeddingSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A CAV for "has genre G" in a movie embedding space, labelled from the dataset's catalogue. Deterministic for a
 * seed, so {@code elm cav} and {@code elm generate --cav} agree on the direction without storing it.
 */
final class GenreCav {
    private GenreCav() {}

    static Cav train(String command, MovieLensDataset data, EmbeddingSpace space, String genre, long seed) {
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
            throw new CommandFailure(command + ": genre '" + genre + "' has " + positives + " of " + has.length
                    + " movies in space '" + space.name() + "'; a CAV needs at least 2 with and 2 without");
        }
        try {
            return CavTrainer.defaults(seed).train("genre:" + genre, vectors, has);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(command + ": " + e.getMessage(), e);
        }
    }

    /** {@code vector + strength · direction}: positive strength pushes towards the genre. */
    static float[] shift(float[] vector, Cav cav, double strength) {
        float[] out = vector.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] += (float) (strength * cav.direction()[i]);
        }
        return out;
    }
}
