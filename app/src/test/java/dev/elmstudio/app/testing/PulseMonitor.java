package dev.elmstudio.app.testing;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;

/**
 * Measures how long the FX thread keeps work waiting: every 16 ms (one frame) a timer thread posts a
 * {@link Platform#runLater} stamped with the time it was posted; the FX thread records how late it
 * ran it. The largest delay is the longest the UI was unresponsive.
 */
public final class PulseMonitor implements AutoCloseable {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(work -> {
        Thread thread = new Thread(work, "pulse-monitor");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong maxDelayNanos = new AtomicLong();
    private final AtomicLong samples = new AtomicLong();

    public PulseMonitor start() {
        timer.scheduleAtFixedRate(() -> {
            long posted = System.nanoTime();
            Platform.runLater(() -> {
                maxDelayNanos.accumulateAndGet(System.nanoTime() - posted, Math::max);
                samples.incrementAndGet();
            });
        }, 0, 16, TimeUnit.MILLISECONDS);
        return this;
    }

    public long maxDelayMillis() {
        return TimeUnit.NANOSECONDS.toMillis(maxDelayNanos.get());
    }

    public long samples() {
        return samples.get();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
