package dev.elmstudio.app;

import dev.elmstudio.app.cli.ElmCli;

/**
 * Entry point of the jar ({@code java -jar app.jar ...}). Sets the runtime defaults first, because
 * DJL reads its system properties once, when its engine loads; then hands over to the command line.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        RuntimeDefaults.apply(System.getProperties(), Runtime.getRuntime().availableProcessors());
        System.exit(ElmCli.newCommandLine().execute(args));
    }
}
