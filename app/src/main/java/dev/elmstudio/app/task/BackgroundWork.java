package dev.elmstudio.app.task;

/** Work for a background thread. It reports through {@code context} and stops early when cancelled. */
@FunctionalInterface
public interface BackgroundWork<T> {
    T call(TaskContext context) throws Exception;
}
