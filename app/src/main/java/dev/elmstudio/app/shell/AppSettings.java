package dev.elmstudio.app.shell;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * What the app remembers between sessions, in {@link Preferences}: recent workspaces, theme and
 * window bounds. Tests give it a node of their own, so they never touch the user's settings.
 */
public final class AppSettings {

    /** System property naming the preferences node; the test build sets it to a test node. */
    public static final String NODE_PROPERTY = "elmstudio.prefs.node";
    static final int MAX_RECENT = 8;

    private final Preferences node;

    public AppSettings(Preferences node) {
        this.node = node;
    }

    /** The node named by {@value #NODE_PROPERTY}, or the app's own. */
    public static AppSettings forUser() {
        return new AppSettings(Preferences.userRoot().node(System.getProperty(NODE_PROPERTY, "dev/elmstudio/app")));
    }

    /** Most recent first. */
    public List<Path> recentWorkspaces() {
        String stored = node.get("recentWorkspaces", "");
        List<Path> paths = new ArrayList<>();
        for (String line : stored.split("\n")) {
            if (!line.isBlank()) {
                paths.add(Path.of(line));
            }
        }
        return paths;
    }

    /** Puts {@code folder} first, drops duplicates and keeps at most {@value #MAX_RECENT}. */
    public List<Path> rememberWorkspace(Path folder) {
        List<Path> recent = new ArrayList<>(recentWorkspaces());
        Path normalized = folder.toAbsolutePath().normalize();
        recent.remove(normalized);
        recent.add(0, normalized);
        List<Path> kept = recent.subList(0, Math.min(MAX_RECENT, recent.size()));
        node.put("recentWorkspaces", String.join("\n", kept.stream().map(Path::toString).toList()));
        flush();
        return List.copyOf(kept);
    }

    public Theme theme() {
        try {
            return Theme.valueOf(node.get("theme", Theme.LIGHT.name()));
        } catch (IllegalArgumentException unknown) {
            return Theme.LIGHT;
        }
    }

    public void setTheme(Theme theme) {
        node.put("theme", theme.name());
        flush();
    }

    /** x, y, width, height; empty when never saved. */
    public double[] windowBounds() {
        String stored = node.get("windowBounds", "");
        if (stored.isEmpty()) {
            return new double[0];
        }
        try {
            double[] bounds = Arrays.stream(stored.split(",")).mapToDouble(Double::parseDouble).toArray();
            return bounds.length == 4 ? bounds : new double[0];
        } catch (NumberFormatException damaged) {
            return new double[0];
        }
    }

    public void setWindowBounds(double x, double y, double width, double height) {
        node.put("windowBounds", x + "," + y + "," + width + "," + height);
        flush();
    }

    private void flush() {
        try {
            node.flush();
        } catch (BackingStoreException e) {
            // Settings are a convenience: losing them must not stop the app.
        }
    }
}
