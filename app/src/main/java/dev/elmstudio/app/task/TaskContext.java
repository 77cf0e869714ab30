package dev.elmstudio.app.task;

/** What running work sees of its task: progress reporting and the cancel flag. Safe from any thread. */
public interface TaskContext {

    /** Fraction done in [0, 1], or negative when unknown. */
    void progress(double fraction);

    void message(String text);

    boolean isCancelled();

    /** A context that reports nowhere (tests, nested work). */
    TaskContext NONE = new TaskContext() {
        @Override public void progress(double fraction) { }
        @Override public void message(String text) { }
        @Override public boolean isCancelled() { return false; }
    };
}
