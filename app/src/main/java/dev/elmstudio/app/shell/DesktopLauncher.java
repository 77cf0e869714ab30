package dev.elmstudio.app.shell;

import javafx.application.Application;

/**
 * Starts the desktop app. It must not extend {@link Application}: when the main class is an
 * Application subclass, the Java launcher insists on JavaFX being on the module path and refuses to
 * start ("JavaFX runtime components are missing") with JavaFX jars on the class path, which is how
 * the app jar runs ({@code java -jar}, with lib/ in its manifest class path).
 */
public final class DesktopLauncher {

    private DesktopLauncher() {}

    /** Opens the window; returns when it closes. Without a display, says so and how to use the CLI instead. */
    public static int launch(String[] args) {
        try {
            Application.launch(ElmStudioApp.class, args);
            return 0;
        } catch (UnsupportedOperationException | IllegalStateException noDisplay) {
            System.err.println("elm: the desktop app could not open a window (" + noDisplay.getMessage() + ")."
                    + " On a machine without a display, use the command line: elm --help");
            return 2;
        }
    }
}
