package dev.elmstudio.engine.data;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a delimited text file row by row without building a String per field: a row keeps its line
 * and the field boundaries, and numbers are parsed straight from the characters. That keeps a
 * 25M-line ratings.csv to one short-lived String per line.
 *
 * <p>With quoting on (CSV), a field may be wrapped in double quotes, may then contain the delimiter
 * and doubled quotes ({@code ""}), and may run over several physical lines. Reports progress to and
 * polls cancel from an {@link ImportListener} every {@value #REPORT_EVERY} rows.
 */
public final class DelimitedFileReader implements Closeable {
    static final int REPORT_EVERY = 1 << 14;

    private final String fileName;
    private final char delimiter;
    private final boolean quoting;
    private final ImportListener listener;
    private final long totalBytes;
    private final CountingStream counter;
    private final BufferedReader reader;
    private String[] fieldNames;

    private String line;
    private long lineNumber;
    private long rowStartLine;
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private boolean[] quoted = new boolean[16];
    private int fieldCount;

    /**
     * @param fieldNames names of the expected fields, used in error messages; a row with fewer
     *     fields is an error, extra fields are an error too
     */
    public DelimitedFileReader(Path file, Charset charset, char delimiter, boolean quoting, ImportListener listener,
            String... fieldNames) {
        this.fileName = file.getFileName().toString();
        this.delimiter = delimiter;
        this.quoting = quoting;
        this.listener = listener;
        this.fieldNames = fieldNames;
        try {
            this.totalBytes = Files.size(file);
            this.counter = new CountingStream(Files.newInputStream(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file + ": " + e.getMessage(), e);
        }
        // Malformed bytes are an error, not silently replaced: a Latin-1 file read as UTF-8 must fail loudly.
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        this.reader = new BufferedReader(new InputStreamReader(counter, decoder), 1 << 16);
    }

    public String fileName() {
        return fileName;
    }

    /** The line on which the current row starts (1-based). */
    public long line() {
        return rowStartLine;
    }

    /** Skips the header line, checking that it starts with the expected first field name. */
    public void skipHeader() {
        if (!next()) {
            throw new MalformedDataException(fileName, 1, null, "file is empty; expected a header line");
        }
        String first = string(0);
        if (!first.strip().replace("\uFEFF", "").equalsIgnoreCase(fieldNames[0])) {
            throw new MalformedDataException(fileName, 1, null, "expected a header starting with '" + fieldNames[0]
                    + "', found '" + line + "'");
        }
        if (fieldCount > fieldNames.length) {
            // A wider header (an embedding CSV's x0..x31) names the columns for error messages.
            String[] names = new String[fieldCount];
            for (int i = 0; i < fieldCount; i++) {
                names[i] = string(i).strip();
            }
            fieldNames = names;
        }
    }

    /** Advances to the next non-empty row; false at the end of the file. */
    public boolean next() {
        try {
            do {
                line = reader.readLine();
                lineNumber++;
                if (line == null) {
                    listener.onProgress(fileName, totalBytes, totalBytes, lineNumber - 1);
                    return false;
                }
            } while (line.isEmpty());
            rowStartLine = lineNumber;
            split();
            if (lineNumber % REPORT_EVERY == 0) {
                listener.onProgress(fileName, counter.count, totalBytes, lineNumber);
                if (listener.cancelRequested()) {
                    throw new ImportCancelledException(fileName, lineNumber);
                }
            }
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new MalformedDataException(fileName, lineNumber, null, "bytes are not valid in the expected text encoding ("
                    + e.getMessage() + "); ml-100k files are Latin-1, the CSV releases UTF-8", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + fileName + " at line " + lineNumber + ": " + e.getMessage(), e);
        }
    }

    public int fieldCount() {
        return fieldCount;
    }

    /** Fails unless the row has exactly {@code expected} fields. */
    public void requireFields(int expected) {
        if (fieldCount != expected) {
            throw new MalformedDataException(fileName, rowStartLine, null, "expected " + expected + " fields ("
                    + String.join(String.valueOf(delimiter), fieldNames) + "), found " + fieldCount + ": '" + line + "'");
        }
    }

    /** Fails unless the row has at least {@code expected} fields. */
    public void requireAtLeast(int expected) {
        if (fieldCount < expected) {
            throw new MalformedDataException(fileName, rowStartLine, null, "expected at least " + expected
                    + " fields, found " + fieldCount + ": '" + line + "'");
        }
    }

    public String string(int field) {
        String raw = line.substring(starts[field], ends[field]);
        return quoted[field] ? raw.replace("\"\"", "\"") : raw;
    }

    public int integer(int field) {
        long value = parseLong(field);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw malformed(field, "'" + string(field) + "' is out of range for an id");
        }
        return (int) value;
    }

    /** An integer field that may be empty (0 then), as in links.csv's tmdbId. */
    public int integerOrZero(int field) {
        return starts[field] == ends[field] ? 0 : integer(field);
    }

    public long parseLong(int field) {
        int i = starts[field];
        int end = ends[field];
        if (i == end) {
            throw malformed(field, "is empty; expected an integer");
        }
        boolean negative = line.charAt(i) == '-';
        if (negative) {
            i++;
        }
        long value = 0;
        if (i == end || end - i > 18) {
            throw malformed(field, "'" + string(field) + "' is not an integer");
        }
        for (; i < end; i++) {
            char c = line.charAt(i);
            if (c < '0' || c > '9') {
                throw malformed(field, "'" + string(field) + "' is not an integer");
            }
            value = value * 10 + (c - '0');
        }
        return negative ? -value : value;
    }

    public float decimal(int field) {
        if (starts[field] == ends[field]) {
            throw malformed(field, "is empty; expected a number");
        }
        float fast = shortDecimal(starts[field], ends[field]);
        if (!Float.isNaN(fast)) {
            return fast;
        }
        String text = string(field);
        try {
            float value = Float.parseFloat(text);
            if (!Float.isFinite(value)) {
                throw malformed(field, "'" + text + "' is not a finite number");
            }
            return value;
        } catch (NumberFormatException e) {
            throw malformed(field, "'" + text + "' is not a number");
        }
    }

    private static final float[] POWERS_OF_TEN = {1f, 1e1f, 1e2f, 1e3f, 1e4f, 1e5f, 1e6f, 1e7f, 1e8f, 1e9f, 1e10f};

    /**
     * Parses "4.5" or "0.02875" without building a String: ratings and genome scores are 40M such
     * fields in ML-25M. With at most 7 digits the digits m and 10^k are both exact floats, so m / 10^k
     * is the correctly rounded value, the same float that {@link Float#parseFloat} gives. Anything
     * else (exponents, long mantissas) returns NaN and takes the slow path.
     */
    private float shortDecimal(int start, int end) {
        int i = start;
        boolean negative = line.charAt(i) == '-';
        if (negative) {
            i++;
        }
        int mantissa = 0;
        int digits = 0;
        int fraction = -1;
        for (; i < end; i++) {
            char c = line.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++digits > 7) {
                    return Float.NaN;
                }
                mantissa = mantissa * 10 + (c - '0');
                if (fraction >= 0) {
                    fraction++;
                }
            } else if (c == '.' && fraction < 0) {
                fraction = 0;
            } else {
                return Float.NaN;
            }
        }
        if (digits == 0) {
            return Float.NaN;
        }
        float value = fraction > 0 ? mantissa / POWERS_OF_TEN[fraction] : mantissa;
        return negative ? -value : value;
    }

    public MalformedDataException malformed(int field, String problem) {
        String name = field < fieldNames.length ? fieldNames[field] : "#" + (field + 1);
        return new MalformedDataException(fileName, rowStartLine, name, problem);
    }

    private void split() throws IOException {
        fieldCount = 0;
        int i = 0;
        while (true) {
            ensureCapacity();
            if (quoting && i < line.length() && line.charAt(i) == '"') {
                int start = i + 1;
                int j = start;
                while (true) {
                    if (j >= line.length()) {
                        // The quoted field goes on over the next physical line.
                        String more = reader.readLine();
                        if (more == null) {
                            throw new MalformedDataException(fileName, rowStartLine, fieldName(fieldCount),
                                    "quoted field is never closed");
                        }
                        lineNumber++;
                        line = line + "\n" + more;
                        continue;
                    }
                    if (line.charAt(j) == '"') {
                        if (j + 1 < line.length() && line.charAt(j + 1) == '"') {
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    j++;
                }
                starts[fieldCount] = start;
                ends[fieldCount] = j;
                quoted[fieldCount] = true;
                fieldCount++;
                i = j + 1;
                if (i == line.length()) {
                    return;
                }
                if (line.charAt(i) != delimiter) {
                    throw new MalformedDataException(fileName, rowStartLine, fieldName(fieldCount - 1),
                            "unexpected text after a closing quote: '" + line + "'");
                }
                i++;
            } else {
                int j = line.indexOf(delimiter, i);
                int end = j < 0 ? line.length() : j;
                starts[fieldCount] = i;
                ends[fieldCount] = end;
                quoted[fieldCount] = false;
                fieldCount++;
                if (j < 0) {
                    return;
                }
                i = j + 1;
            }
        }
    }

    private String fieldName(int field) {
        return field < fieldNames.length ? fieldNames[field] : "#" + (field + 1);
    }

    private void ensureCapacity() {
        if (fieldCount == starts.length) {
            starts = java.util.Arrays.copyOf(starts, fieldCount * 2);
            ends = java.util.Arrays.copyOf(ends, fieldCount * 2);
            quoted = java.util.Arrays.copyOf(quoted, fieldCount * 2);
        }
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Counts bytes as the decoder pulls them, for progress by bytes. */
    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
