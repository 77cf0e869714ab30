package dev.elmstudio.engine.data.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Finds the committed demo catalogue from the engine module's tests; fails by name when missing. */
final class DemoAssets {
    private DemoAssets() {
    }

    static List<Film> films() throws IOException {
        for (Path root : List.of(Path.of(""), Path.of(".."))) {
            Path file = root.resolve(FilmsFile.ASSET_PATH);
            if (Files.isRegularFile(file)) {
                return FilmsFile.read(file);
            }
        }
        throw new IOException("demo asset " + FilmsFile.ASSET_PATH + " not found from " + Path.of("").toAbsolutePath()
                + "; regenerate it with VegaFilmsConverter");
    }
}
