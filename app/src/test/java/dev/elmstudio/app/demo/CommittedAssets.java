package dev.elmstudio.app.demo;

import java.nio.file.Path;
import java.util.List;

/** The demo assets committed in the repository, found from the app module's tests (run in app/ or the root). */
public final class CommittedAssets {
    private CommittedAssets() {}

    public static DemoAssets demo() {
        for (Path root : List.of(Path.of(""), Path.of(".."))) {
            Path folder = root.resolve("assets").toAbsolutePath().normalize();
            if (AssetLocator.isAssetsFolder(folder)) {
                DemoAssets assets = new DemoAssets(folder);
                assets.check();
                return assets;
            }
        }
        throw new IllegalStateException("assets/demo not found from " + Path.of("").toAbsolutePath());
    }
}
