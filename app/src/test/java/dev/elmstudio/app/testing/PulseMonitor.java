package dev.elmstudio.app.testing;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;

/**
 * Measures how long the FX thread keeps work waiting: every 16 ms (one frame) a timer thread posts a
 * {@link Platform#runLater} stamped with the time it was posted; the FX thread records how late it
 * ran it. The largest delay is the longest the UI was unresponsive. While a stamp is late by more than
 * {@value #LATE_MILLIS} ms, a watchdog prints what the FX thread is doing (its stack, the lock it waits for
 * and who holds it, the GC time meanwhile), so a failing test names the blocking call.
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
    private static final long LATE_MILLIS = 80;
    /** When each stamp not yet run was posted, oldest first (runLater runs in posting order). */
    private final Queue<Long> pending = new ConcurrentLinkedQueue<>();
    private volatile Thread fxThread;
    private volatile long gcDuringMaxOwnDelay;
    /** The render thread the FX thread waits for at the end of each pulse (prism's software pipeline). */
    private volatile Path renderSchedStat;
    private volatile long renderQueuedDuringMaxOwnDelay;
    private volatile long renderCpuDuringMaxOwnDelay;
    private volatile long stealDuringMaxOwnDelay;
    private long reportedStall = -1;
    private String lastReport = "";
    /** Stack reports left to print: enough to see a pattern, not a flooded log. */
    private int reportsLeft = 20;

    public PulseMonitor start() {
        timer.scheduleAtFixedRate(() -> {
            long posted = System.nanoTime();
            watchForStall(posted);
            pending.add(posted);
            long queuedAtPost = runQueueNanos(fxSchedStat);
            long fxId = fxThreadId;
            long cpuAtPost = fxId < 0 ? -1 : threads.getThreadCpuTime(fxId);
            long gcAtPost = gcMillis();
            if (renderSchedStat == null) {
                renderSchedStat = schedStatOf("QuantumRenderer");
            }
            long renderQueuedAtPost = runQueueNanos(renderSchedStat);
            long renderCpuAtPost = cpuNanos(renderSchedStat);
            long stealAtPost = stealMillis();
            Platform.runLater(() -> {
                pending.poll();
                fxThread = Thread.currentThread();
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
                if (own > maxOwnDelayNanos.get()) {
                    maxOwnDelayNanos.set(own); // only the FX thread writes it
                    gcDuringMaxOwnDelay = gcMillis() - gcAtPost;
                    long renderQueuedAtRun = runQueueNanos(renderSchedStat);
                    renderQueuedDuringMaxOwnDelay = renderQueuedAtPost < 0 || renderQueuedAtRun < 0 ? -1
                            : TimeUnit.NANOSECONDS.toMillis(renderQueuedAtRun - renderQueuedAtPost);
                    long stealAtRun = stealMillis();
                    stealDuringMaxOwnDelay = stealAtPost < 0 || stealAtRun < 0 ? -1 : stealAtRun - stealAtPost;
                    long renderCpuAtRun = cpuNanos(renderSchedStat);
                    renderCpuDuringMaxOwnDelay = renderCpuAtPost < 0 || renderCpuAtRun < 0 ? -1
                            : TimeUnit.NANOSECONDS.toMillis(renderCpuAtRun - renderCpuAtPost);
                }
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
     * Time the JVM's collectors reported (stop-the-world pauses and concurrent work) while the stamp of
     * {@link #maxOwnDelayMillis()} waited: shows whether a GC pause made that delay.
     */
    public long gcDuringMaxOwnDelayMillis() {
        return gcDuringMaxOwnDelay;
    }

    /**
     * How long the render thread sat ready without a core while the stamp of {@link #maxOwnDelayMillis()}
     * waited, or -1 where unknown. The FX thread waits for it at the end of every pulse, so a loaded machine
     * shows up in the FX thread's own delay through it.
     */
    public long renderQueuedDuringMaxOwnDelayMillis() {
        return renderQueuedDuringMaxOwnDelay;
    }

    /**
     * CPU time the hypervisor gave to other machines (all cores summed, 10 ms steps) while the stamp of
     * {@link #maxOwnDelayMillis()} waited, or -1. A thread whose core was taken that way neither runs nor waits
     * on a run queue, so it shows in the own delay.
     */
    public long stealDuringMaxOwnDelayMillis() {
        return stealDuringMaxOwnDelay;
    }

    /** The machine's total steal time from /proc/stat, or -1 where there is none. */
    private static long stealMillis() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            return Long.parseLong(cpu[8]) * 10; // USER_HZ is 100 on Linux
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The render thread's CPU time while the stamp of {@link #maxOwnDelayMillis()} waited, or -1. */
    public long renderCpuDuringMaxOwnDelayMillis() {
        return renderCpuDuringMaxOwnDelay;
    }

    /**
     * The most CPU time the FX thread spent while one stamp waited: the work queued ahead of it, whatever
     * the machine's load. Blocking waits (locks, files, sleeps) do not count here; {@link #maxOwnDelayMillis()}
     * catches those.
     */
    public long maxBusyMillis() {
        return TimeUnit.NANOSECONDS.toMillis(maxBusyNanos.get());
    }

    /**
     * Prints the FX thread's stack while the oldest waiting stamp is late, once per distinct stack and stall.
     * Runs on the timer thread, so it sees blocking waits (a GC pause stops it too: the GC time shows those).
     */
    private void watchForStall(long now) {
        Long oldest = pending.peek();
        Thread fx = fxThread;
        if (oldest == null || fx == null || reportsLeft == 0
                || now - oldest < TimeUnit.MILLISECONDS.toNanos(LATE_MILLIS)) {
            return;
        }
        // No stack depth: read without a safepoint. The stack comes from a handshake with the FX thread only;
        // ThreadMXBean's stack dumps stop every thread, which would make the delay being watched worse.
        ThreadInfo info = threads.getThreadInfo(fx.threadId(), 0);
        StackTraceElement[] stack = fx.getStackTrace();
        if (info == null) {
            return;
        }
        StringBuilder report = new StringBuilder();
        report.append(info.getThreadState());
        if (info.getLockName() != null) {
            report.append(" on ").append(info.getLockName()).append(" held by ").append(info.getLockOwnerName());
        }
        report.append('\n');
        for (int i = 0; i < Math.min(stack.length, 40); i++) {
            report.append("\tat ").append(stack[i]).append('\n');
        }
        String text = report.toString();
        if (oldest == reportedStall && text.equals(lastReport)) {
            return;
        }
        reportedStall = oldest;
        lastReport = text;
        reportsLeft--;
        System.out.println("pulse-monitor: at JVM uptime " + ManagementFactory.getRuntimeMXBean().getUptime()
                + " ms FX thread late by " + TimeUnit.NANOSECONDS.toMillis(now - oldest)
                + " ms, GC time so far " + gcMillis() + " ms, FX thread " + text);
    }

    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
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

    /** /proc/self/task/TID/schedstat of the first thread whose name starts with {@code name}, or null. */
    private static Path schedStatOf(String name) {
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            return tasks.filter(task -> {
                try {
                    return Files.readString(task.resolve("comm")).startsWith(name);
                } catch (IOException e) {
                    return false;
                }
            }).map(task -> task.resolve("schedstat")).findFirst().orElse(null);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The thread's total time waiting on a run queue (schedstat's second field), or -1. */
    private static long runQueueNanos(Path schedStat) {
        return schedStatField(schedStat, 1);
    }

    /** The thread's total time on a core (schedstat's first field), or -1. */
    private static long cpuNanos(Path schedStat) {
        return schedStatField(schedStat, 0);
    }

    private static long schedStatField(Path schedStat, int field) {
        if (schedStat == null) {
            return -1;
        }
        try {
            return Long.parseLong(Files.readString(schedStat).trim().split("\\s+")[field]);
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
