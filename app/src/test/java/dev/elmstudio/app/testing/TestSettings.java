package dev.elmstudio.app.testing;

import dev.elmstudio.app.shell.AppSettings;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/** Settings in a preferences node of their own, removed by {@link #close()}. */
public final class TestSettings implements AutoCloseable {

    private final Preferences node = Preferences.userRoot().node("dev/elmstudio/app/test/" + UUID.randomUUID());

    public AppSettings settings() {
        return new AppSettings(node);
    }

    @Override
    public void close() throws BackingStoreException {
        node.removeNode();
    }
}
