package dev.elmstudio.app.panel.data;

import dev.elmstudio.app.task.TaskContext;
import dev.elmstudio.engine.data.ImportListener;
import java.util.Locale;

/**
 * Forwards the engine's import progress to a task (fraction of the current file by bytes, and a message with
 * its line count) and its cancel flag back to the engine, which then stops at the next line with nothing kept.
 */
final class ImportProgressListener implements ImportListener {

    private final TaskContext context;

    ImportProgressListener(TaskContext context) {
        this.context = context;
    }

    @Override
    public void onProgress(String file, long bytesRead, long totalBytes, long linesRead) {
        context.progress(totalBytes > 0 ? Math.min(1, bytesRead / (double) totalBytes) : -1);
        context.message(String.format(Locale.ROOT, "Reading %s: %,d lines", file, linesRead));
    }

    @Override
    public boolean cancelRequested() {
        return context.isCancelled();
    }
}
