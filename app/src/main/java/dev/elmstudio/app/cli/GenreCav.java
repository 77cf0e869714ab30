package dev.elmstudio.app.cli;

import dev.elmstudio.app.compare.GenreCavs;
import dev.elmstudio.engine.cav.Cav;
import dev.elmstudio.engine.data.MovieLensDataset;
import dev.elmstudio.engine.data.embedding.EmbeddingSpace;

/** {@link GenreCavs} for the commands: a genre that cannot have a CAV fails the command, naming it. */
final class GenreCav {
    private GenreCav() {}

    static Cav train(String command, MovieLensDataset data, EmbeddingSpace space, String genre, long seed) {
        try {
            return GenreCavs.train(data, space, genre, seed);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(command + ": " + e.getMessage(), e);
        }
    }

    static float[] shift(float[] vector, Cav cav, double strength) {
        return GenreCavs.shift(vector, cav, strength);
    }
}
