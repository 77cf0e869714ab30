package dev.elmstudio.engine.checkpoint;

import java.io.IOException;

/**
 * A checkpoint file exists and could be read, but its contents cannot be used: a malformed safetensors
 * header, a config.json this engine does not implement, a missing or unexpected tensor, a pickle file.
 * The message always names the file (and the tensor or key) and, where there is one, what to do.
 *
 * <p>It extends {@link IOException} so that callers handle "the file is broken" and "the disk failed" in
 * one place: both mean the checkpoint cannot be opened.
 */
public class CheckpointException extends IOException {
    private static final long serialVersionUID = 1L;

    public CheckpointException(String message) {
        super(message);
    }

    public CheckpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
