package dev.elmstudio.engine.train;

import java.nio.file.Path;

/**
 * Training stopped because the device ran out of memory. The run is resumable: {@link #checkpoint()} is the newest
 * complete checkpoint (written at the failure when the weights were intact, else the last periodic one), and the
 * message says what to change before resuming.
 */
public final class TrainingOutOfMemoryException extends RuntimeException {
    private final int completedSteps;
    private final transient Path checkpoint;

    public TrainingOutOfMemoryException(String message, int completedSteps, Path checkpoint, Throwable cause) {
        super(message, cause);
        this.completedSteps = completedSteps;
        this.checkpoint = checkpoint;
    }

    /** Updates completed (and kept) before the failure. */
    public int completedSteps() {
        return completedSteps;
    }

    /** The checkpoint a resume starts from; null when the run had none. */
    public Path checkpoint() {
        return checkpoint;
    }
}
