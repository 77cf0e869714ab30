package dev.elmstudio.engine.train;

/**
 * Receives progress from a training run, on the training thread.
 *
 * <p>Implementations must return quickly (hand the event to another thread for UI or database
 * work): the next step waits for this call. An exception thrown here stops the run.
 */
@FunctionalInterface
public interface TrainingListener {

    /** A listener that ignores everything. */
    TrainingListener NONE = event -> { };

    void onEvent(TrainingEvent event);
}
