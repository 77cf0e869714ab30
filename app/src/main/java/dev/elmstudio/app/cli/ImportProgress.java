package dev.elmstudio.app.cli;

import dev.elmstudio.engine.data.ImportListener;
import java.io.PrintWriter;
import java.util.Locale;

/** Import progress as plain lines: one per file when it ends and one every few seconds while it reads. */
final class ImportProgress implements ImportListener {
    private static final long EVERY_NANOS = 2_000_000_000L;

    private final PrintWriter out;
    private long lastPrinted = System.nanoTime();

    ImportProgress(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void onProgress(String file, long bytesRead, long totalBytes, long linesRead) {
        boolean done = totalBytes > 0 && bytesRead >= totalBytes;
        long now = System.nanoTime();
        if (done || now - lastPrinted >= EVERY_NANOS) {
            lastPrinted = now;
            String percent = totalBytes > 0 ? String.format(Locale.ROOT, " (%.0f%%)", 100.0 * bytesRead / totalBytes) : "";
            out.printf("%s: %d lines%s%n", file, linesRead, percent);
            out.flush();
        }
    }
}
