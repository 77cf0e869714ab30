package dev.elmstudio.engine.data;

/**
 * Hears how an import is going and may stop it. The engine never knows about JavaFX: a view model
 * wraps this listener and forwards the numbers to its properties.
 */
public interface ImportListener {

    /** A listener that ignores progress and never cancels. */
    ImportListener NONE = new ImportListener() { };

    /**
     * Called every few thousand lines and at the end of each file.
     *
     * @param file the file being read, by name ("ratings.csv")
     * @param bytesRead bytes of that file consumed so far
     * @param totalBytes the file's size (0 when unknown)
     * @param linesRead lines of that file consumed so far
     */
    default void onProgress(String file, long bytesRead, long totalBytes, long linesRead) { }

    /** Polled while reading; returning true ends the import with {@link ImportCancelledException}. */
    default boolean cancelRequested() {
        return false;
    }
}
