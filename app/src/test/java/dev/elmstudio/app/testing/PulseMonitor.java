package dev.elmstudio.app.testing;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
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
    private final AtomicLong maxOwnDelayNanos = new AtomicLong();
    private final AtomicLong maxBusyNanos = new AtomicLong();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private volatile long fxThreadId = -1;
    private final AtomicLong samples = new AtomicLong();
    private volatile Path fxSchedStat;

    public PulseMonitor start() {
        timer.scheduleAtFixedRate(() -> {
            long posted = System.nanoTime();
            long queuedAtPost = runQueueNanos(fxSchedStat);
            long fxId = fxThreadId;
            long cpuAtPost = fxId < 0 ? -1 : threads.getThreadCpuTime(fxId);
            Platform.runLater(() -> {
                if (cpuAtPost >= 0) {
                    maxBusyNanos.accumulateAndGet(threads.getCurrentThreadCpuTime() - cpuAtPost, Math::max);
                }
                fxThreadId = Thread.currentThread().threadId();
                long delay = System.nanoTime() - posted;
                maxDelayNanos.accumulateAndGet(delay, Math::max);
                if (fxSchedStat == null) {
                    fxSchedStat = ownSchedStat();
                }
                long queuedAtRun = runQueueNanos(fxSchedStat);
                long own = queuedAtPost < 0 || queuedAtRun < 0 ? delay : delay - (queuedAtRun - queuedAtPost);
                maxOwnDelayNanos.accumulateAndGet(own, Math::max);
                samples.incrementAndGet();
            });
        }, 0, 16, TimeUnit.MILLISECONDS);
        return this;
    }

    /**
     * Like {@link #maxDelayMillis()}, less the time the FX thread was ready to run but had no CPU core
     * (Linux's per-thread run-queue time). What is left is what the process did: FX-thread work, waits for
     * locks or files, GC pauses. On a machine with more runnable threads than cores the wall-clock delay
     * mostly measures the other processes; this does not. Equals the wall-clock delay off Linux.
     */
    public long maxOwnDelayMillis() {
        return TimeUnit.NANOSECONDS.toMillis(maxOwnDelayNanos.get());
    }

    /**
     * The most CPU time the FX thread spent while one stamp waited: the work queued ahead of it, whatever
     * the machine's load. Blocking waits (locks, files, sleeps) do not count here; {@link #maxOwnDelayMillis()}
     * catches those.
     */
    public long maxBusyMillis() {
        return TimeUnit.NANOSECONDS.toMillis(maxBusyNanos.get());
    }

    /** /proc/self/task/TID/schedstat of the calling thread, or null where there is none. */
    private static Path ownSchedStat() {
        try {
            Path self = Files.readSymbolicLink(Path.of("/proc/thread-self")); // "PID/task/TID"
            return Path.of("/proc/self/task", self.getFileName().toString(), "schedstat");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return null;
        }
    }

    /** The thread's total time waiting on a run queue (schedstat's second field), or -1. */
    private static long runQueueNanos(Path schedStat) {
        if (schedStat == null) {
            return -1;
        }
        try {
            return Long.parseLong(Files.readString(schedStat).trim().split("\\s+")[1]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
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
