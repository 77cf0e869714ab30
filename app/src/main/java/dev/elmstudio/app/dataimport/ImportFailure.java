package dev.elmstudio.app.dataimport;

/**
 * An import was refused for a reason the user can act on: a bad name, a malformed file (named with its line
 * and field), an id the dataset lacks, a name already taken. The message stands alone; the command line
 * puts the command's name in front, the app shows it in a dialog.
 */
public class ImportFailure extends RuntimeException {

    public ImportFailure(String message) {
        super(message);
    }

    public ImportFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
