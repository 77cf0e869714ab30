package dev.elmstudio.engine.train;

/**
 * Lets another thread (the UI, a CLI signal handler) pause, resume and cancel a run.
 *
 * <p>The trainer looks at it between steps, so a step in flight always completes: weights and
 * optimizer state are never left half-updated. Cancel wins over pause.
 */
public final class TrainingControl {

    private final Object lock = new Object();
    private boolean paused;
    private boolean cancelled;

    public void pause() {
        synchronized (lock) {
            paused = true;
        }
    }

    public void resume() {
        synchronized (lock) {
            paused = false;
            lock.notifyAll();
        }
    }

    /** Stops the run after the current step; also releases a paused run. */
    public void cancel() {
        synchronized (lock) {
            cancelled = true;
            lock.notifyAll();
        }
    }

    public boolean isPaused() {
        synchronized (lock) {
            return paused;
        }
    }

    public boolean isCancelled() {
        synchronized (lock) {
            return cancelled;
        }
    }

    /**
     * Blocks while paused. Returns {@code true} when the run may take another step, {@code false}
     * when it was cancelled (before or during the pause). An interrupt counts as a cancel.
     */
    public boolean awaitPermissionToStep() {
        synchronized (lock) {
            while (paused && !cancelled) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    cancelled = true;
                }
            }
            return !cancelled;
        }
    }
}
