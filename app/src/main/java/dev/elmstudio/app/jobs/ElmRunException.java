package dev.elmstudio.app.jobs;

/**
 * An ELM run cannot start or continue for a reason the user can act on (unknown dataset, no tasks, a space missing,
 * settings out of range). The message is a sentence without the command's name: the CLI prefixes it, the app shows
 * it in a dialog.
 */
public class ElmRunException extends RuntimeException {

    public ElmRunException(String message) {
        super(message);
    }

    public ElmRunException(String message, Throwable cause) {
        super(message, cause);
    }
}
