package dev.elmstudio.engine.explore;

import dev.elmstudio.engine.lm.Generation;
import dev.elmstudio.engine.lm.GenerationConfig;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Only the newest request matters: a slider that moves again makes the text being written obsolete. Each
 * {@link #submit} supersedes what came before: a request still waiting is dropped, and the running generation stops
 * at its next token (a few milliseconds: the check sits in the per-token callback). Generations run on one daemon
 * thread of their own, so the caller (the UI thread) never waits for the model.
 */
public final class LatestGeneration implements AutoCloseable {

    /** What to generate. */
    public record Request(String task, ExploreInput input, GenerationConfig config) {}

    /** Hears one request's life, on the generation thread. Exactly one of finished, cancelled, failed ends it. */
    public interface Listener {
        /** The slot's vector is known; generation starts next. */
        default void started(float[] vector) {}

        /** The text so far, after each token. */
        void token(String textSoFar);

        void finished(Generation generation);

        /** Superseded by a newer request or {@link #cancel()}led, before or during generation. */
        default void cancelled() {}

        void failed(Throwable error);
    }

    private record Job(long ticket, ExploreSession session, Request request, Listener listener) {}

    private final AtomicLong latest = new AtomicLong();
    private final AtomicReference<Job> pending = new AtomicReference<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "elm-explore-generation");
        thread.setDaemon(true);
        return thread;
    });

    /** Queues {@code request}, superseding every earlier one. Returns its ticket. */
    public long submit(ExploreSession session, Request request, Listener listener) {
        long ticket = latest.incrementAndGet();
        Job replaced = pending.getAndSet(new Job(ticket, session, request, listener));
        if (replaced != null) {
            replaced.listener().cancelled();
        }
        worker.execute(this::runPending);
        return ticket;
    }

    /** Stops the running generation and drops a waiting one. */
    public void cancel() {
        latest.incrementAndGet();
        Job replaced = pending.getAndSet(null);
        if (replaced != null) {
            replaced.listener().cancelled();
        }
    }

    /** Whether {@code ticket} is still the newest request. */
    public boolean isCurrent(long ticket) {
        return latest.get() == ticket;
    }

    private void runPending() {
        Job job = pending.getAndSet(null);
        if (job == null) {
            return; // an earlier run of this method already took it, or cancel() dropped it
        }
        if (!isCurrent(job.ticket())) {
            job.listener().cancelled();
            return;
        }
        try {
            float[] vector = job.session().vectorFor(job.request().input());
            job.listener().started(vector);
            Generation generation = job.session().generate(job.request().task(), vector, job.request().config(),
                    (id, text) -> {
                        if (!isCurrent(job.ticket())) {
                            return false;
                        }
                        job.listener().token(text);
                        return true;
                    });
            if (generation.stopReason() == Generation.StopReason.CANCELLED || !isCurrent(job.ticket())) {
                job.listener().cancelled();
            } else {
                job.listener().finished(generation);
            }
        } catch (RuntimeException | Error e) {
            job.listener().failed(e);
        }
    }

    /** Cancels everything and waits (briefly) for the running generation to stop. */
    @Override
    public void close() {
        cancel();
        worker.shutdown();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
