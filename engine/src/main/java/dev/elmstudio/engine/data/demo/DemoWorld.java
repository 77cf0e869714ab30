package dev.elmstudio.engine.data.demo;

import dev.elmstudio.engine.io.AtomicFiles;
import dev.elmstudio.engine.data.ImportListener;
import dev.elmstudio.engine.data.MovieLensDataset;
import dev.elmstudio.engine.data.MovieLensImporter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The offline demo world: real films plus a simulated audience, written as a MovieLens folder and
 * read back through {@link MovieLensImporter}, exactly like a user's own download.
 */
public final class DemoWorld {
    private DemoWorld() {
    }

    /**
     * Simulates the audience and publishes the MovieLens folder atomically: {@code folder} either
     * holds the whole world afterwards or is untouched.
     */
    public static void write(List<Film> films, SimulatedAudience.Config config, Path folder) throws IOException {
        SimulatedAudience.Activity activity = SimulatedAudience.simulate(films, config);
        AtomicFiles.publishFolder(folder, temp -> MovieLensWriter.write(films, activity, temp));
    }

    /** Writes the world into {@code folder} and imports it. */
    public static MovieLensDataset build(List<Film> films, SimulatedAudience.Config config, Path folder,
            ImportListener listener) throws IOException {
        write(films, config, folder);
        return new MovieLensImporter(MovieLensImporter.Options.defaults(), listener).importFolder(folder);
    }
}
