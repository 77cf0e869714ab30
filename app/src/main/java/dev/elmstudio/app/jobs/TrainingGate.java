package dev.elmstudio.app.jobs;

import java.util.concurrent.atomic.AtomicReference;

/**
 * One training at a time in this process. DJL keeps one gradient collector per process, so a second training
 * started beside a first would corrupt both; every training (pretraining or ELM, from the app or the CLI) holds the
 * gate while it runs, and a second one is refused with a sentence naming the first.
 */
public final class TrainingGate {

    private static final AtomicReference<String> HOLDER = new AtomicReference<>();

    private TrainingGate() {}

    /** Takes the gate for {@code what} (e.g. "ELM run 3") or throws {@link TrainingBusyException}. */
    public static Lease enter(String what) {
        if (!HOLDER.compareAndSet(null, what)) {
            throw new TrainingBusyException("Another training is running in this process (" + HOLDER.get()
                    + "); only one can train at a time. Wait for it to finish or cancel it, then launch again.");
        }
        return new Lease(what);
    }

    /** What holds the gate now, or null. */
    public static String holder() {
        return HOLDER.get();
    }

    /** Held gate; closing it lets the next training in. */
    public static final class Lease implements AutoCloseable {
        private final String what;
        private boolean closed;

        private Lease(String what) {
            this.what = what;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                HOLDER.compareAndSet(what, null);
            }
        }
    }

    /** A training was asked for while another one runs. */
    public static final class TrainingBusyException extends ElmRunException {
        TrainingBusyException(String message) {
            super(message);
        }
    }
}
