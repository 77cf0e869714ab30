package dev.elmstudio.engine.data;

/**
 * A row of an input file could not be read. The message names the file, the 1-based line and the
 * field so that the user can open the file and fix it: {@code ratings.csv line 12, field rating:
 * '4,5' is not a number}.
 */
public final class MalformedDataException extends RuntimeException {
    private final String file;
    private final long line;
    private final String field;

    public MalformedDataException(String file, long line, String field, String problem) {
        this(file, line, field, problem, null);
    }

    public MalformedDataException(String file, long line, String field, String problem, Throwable cause) {
        super(file + " line " + line + (field == null ? "" : ", field " + field) + ": " + problem, cause);
        this.file = file;
        this.line = line;
        this.field = field;
    }

    public String file() {
        return file;
    }

    public long line() {
        return line;
    }

    /** The column's name, or null when the whole row is wrong (too few fields, bad quoting). */
    public String field() {
        return field;
    }
}
