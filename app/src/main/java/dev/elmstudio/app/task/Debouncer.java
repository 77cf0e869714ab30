package dev.elmstudio.app.task;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs an action once things have been quiet for a while: each {@link #trigger} restarts the wait, so a slider
 * dragged for a second fires once, shortly after it stops. The action runs through {@code uiThread}.
 */
public final class Debouncer implements AutoCloseable {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "elm-debounce");
        thread.setDaemon(true);
        return thread;
    });

    private final Duration quiet;
    private final Consumer<Runnable> uiThread;
    private final Runnable action;
    private ScheduledFuture<?> pending;
    /** Bumped by every trigger and close: a timer that fired just before a newer trigger must not run the action. */
    private long sequence;

    public Debouncer(Duration quiet, Consumer<Runnable> uiThread, Runnable action) {
        this.quiet = quiet;
        this.uiThread = uiThread;
        this.action = action;
    }

    /** (Re)starts the wait; the action runs {@code quiet} after the last trigger. */
    public synchronized void trigger() {
        if (pending != null) {
            pending.cancel(false);
        }
        long mine = ++sequence;
        pending = TIMER.schedule(() -> uiThread.accept(() -> {
            if (isLatest(mine)) {
                action.run();
            }
        }), quiet.toNanos(), TimeUnit.NANOSECONDS);
    }

    private synchronized boolean isLatest(long trigger) {
        return trigger == sequence;
    }

    /** Forgets a pending trigger. */
    @Override
    public synchronized void close() {
        sequence++;
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
    }
}
