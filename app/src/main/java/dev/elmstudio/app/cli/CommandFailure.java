package dev.elmstudio.app.cli;

/**
 * A command could not do what was asked, for a reason the user can act on (unknown run id, GPU
 * asked for but absent, ...). The message is shown alone, on one line, without a stack trace.
 */
public class CommandFailure extends RuntimeException {

    public CommandFailure(String message) {
        super(message);
    }

    public CommandFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
