package dev.elmstudio.app.cli;

import dev.elmstudio.engine.cav.Cav;
import dev.elmstudio.engine.cav.CavTrainer;
import dev.elmstudio.engine.cav.ConceptLabels;
import dev.elmstudio.engine.data.MovieLensDataset;
import dev.elmstudio.engine.data.embedding.EmbeddingSpace;
import dev.elmstudio.engine.explore.VectorMoves;
import java.util.ArrayList;
import java.util.List;

/**
 * A CAV for "has genre G" in a movie embedding space, labelled from the dataset's catalogue
 * ({@link ConceptLabels#genre}). Deterministic for a seed, so {@code elm cav} and {@code elm generate --cav} agree
 * on the direction without storing it.
 */
final class GenreCav {
    private GenreCav() {}

    static Cav train(String command, MovieLensDataset data, EmbeddingSpace space, String genre, long seed) {
        ConceptLabels.Labels labels = ConceptLabels.genre(data, space, genre);
        int positives = labels.positives();
        int total = labels.rows().length;
        if (positives < ConceptLabels.MIN_PER_CLASS || total - positives < ConceptLabels.MIN_PER_CLASS) {
            throw new CommandFailure(command + ": genre '" + genre + "' has " + positives + " of " + total
                    + " movies in space '" + space.name() + "'; a CAV needs at least 2 with and 2 without");
        }
        List<float[]> vectors = new ArrayList<>(total);
        for (int row : labels.rows()) {
            vectors.add(space.vector(row));
        }
        try {
            return CavTrainer.defaults(seed).train(labels.concept(), vectors, labels.positive());
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(command + ": " + e.getMessage(), e);
        }
    }

    /** {@code vector + strength · direction}: positive strength pushes towards the genre. */
    static float[] shift(float[] vector, Cav cav, double strength) {
        return VectorMoves.shift(vector, cav.direction(), strength);
    }
}
