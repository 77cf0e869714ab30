package dev.elmstudio.engine.data;

/** The user cancelled an import; nothing of it was kept. */
public final class ImportCancelledException extends RuntimeException {
    public ImportCancelledException(String file, long line) {
        super("import cancelled while reading " + file + " at line " + line + "; nothing was kept");
    }
}
