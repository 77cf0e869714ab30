package dev.elmstudio.app.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Starts a main class of this module in a child JVM on the test classpath, with the settings tests run under
 * (offline DJL, one PyTorch thread, headless Monocle), for tests that kill a process and look at what it left.
 */
public final class ChildJvm {

    private static final List<String> TEST_PROPERTIES = List.of("-Dai.djl.offline=true",
            "-Dai.djl.pytorch.num_threads=1", "-Dai.djl.pytorch.num_interop_threads=1",
            "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
            "-Djava.awt.headless=true", "-Delmstudio.prefs.node=dev/elmstudio/app/test");

    private ChildJvm() {}

    /** The command line that runs {@code mainClass} with {@code args}. */
    public static List<String> command(String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.addAll(TEST_PROPERTIES);
        command.add(mainClass);
        command.addAll(List.of(args));
        return command;
    }

    /** Starts {@code mainClass}; its standard error goes to {@code errorLog}, its output stays readable. */
    public static Process start(Path errorLog, String mainClass, String... args) throws IOException {
        return new ProcessBuilder(command(mainClass, args)).redirectError(errorLog.toFile()).start();
    }

    /**
     * Reads the child's output until a line starts with {@code prefix} and returns that line; fails after
     * {@code seconds}, or when the child ends first.
     */
    public static String awaitLine(Process child, String prefix, int seconds) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                for (String next = out.readLine(); next != null; next = out.readLine()) {
                    if (next.startsWith(prefix)) {
                        return next;
                    }
                }
                return null;
            } catch (IOException e) {
                return null;
            }
        });
        try {
            String found = line.get(seconds, TimeUnit.SECONDS);
            if (found == null) {
                throw new AssertionError("the child ended before printing '" + prefix + "…'");
            }
            return found;
        } catch (TimeoutException e) {
            child.destroyForcibly();
            throw new AssertionError("no '" + prefix + "…' from the child within " + seconds + " s");
        }
    }
}
