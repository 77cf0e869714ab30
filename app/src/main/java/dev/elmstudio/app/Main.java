package dev.elmstudio.app;

import dev.elmstudio.app.cli.ElmCli;
import dev.elmstudio.app.shell.DesktopLauncher;
import java.util.Arrays;

/**
 * Entry point of the jar. {@code java -jar app.jar COMMAND ...} runs the command line;
 * {@code java -jar app.jar} alone, or {@code java -jar app.jar gui}, opens the desktop app;
 * {@code java -jar app.jar gui --demo} opens it on the demo workspace (built from the assets on first use).
 * Sets the runtime defaults first, because DJL reads its system properties once, when its engine loads.
 */
public final class Main {

    /** The argument that opens the desktop app explicitly. */
    public static final String GUI_COMMAND = "gui";

    private Main() {}

    public static void main(String[] args) {
        RuntimeDefaults.apply(System.getProperties(), Runtime.getRuntime().availableProcessors());
        if (opensDesktop(args)) {
            int status = DesktopLauncher.launch(args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length));
            System.exit(status); // DJL and JavaFX leave non-daemon threads behind; the app is done
            return;
        }
        System.exit(ElmCli.newCommandLine().execute(args));
    }

    /** No arguments, or {@code gui} first: everything else is a command line for the CLI. */
    static boolean opensDesktop(String[] args) {
        return args.length == 0 || GUI_COMMAND.equals(args[0]);
    }
}
