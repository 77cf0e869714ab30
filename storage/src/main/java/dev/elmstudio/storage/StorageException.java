package dev.elmstudio.storage;

/**
 * A workspace could not be opened, read or written. The message is written for the user: it names
 * the file or row and says what to do; the cause (usually a {@link java.sql.SQLException}) is kept
 * for the log.
 */
public class StorageException extends RuntimeException {

    public StorageException(String message) {
        super(message);
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
