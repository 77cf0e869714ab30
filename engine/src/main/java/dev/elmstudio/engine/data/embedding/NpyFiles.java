package dev.elmstudio.engine.data.embedding;

import dev.elmstudio.engine.io.AtomicFiles;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Embedding spaces as NumPy files, the format researchers' Python code reads with {@code np.load}:
 * {@code <name>.npy} holds the N × d float32 matrix and {@code <name>.ids.npy} the N int64 ids.
 * Reading accepts float32/float64 vectors and int32/int64 ids in either byte order, C order only.
 */
public final class NpyFiles {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=])([fiu])(\\d)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private NpyFiles() {
    }

    /** The ids file that goes with a vectors file: {@code movies.npy} → {@code movies.ids.npy}. */
    public static Path idsFileFor(Path vectorsFile) {
        String name = vectorsFile.getFileName().toString();
        String stem = name.endsWith(".npy") ? name.substring(0, name.length() - 4) : name;
        return vectorsFile.resolveSibling(stem + ".ids.npy");
    }

    public static void write(EmbeddingSpace space, Path vectorsFile) throws IOException {
        int n = space.size();
        int d = space.dimension();
        AtomicFiles.writeStream(vectorsFile, out -> {
            out.write(header("<f4", "(" + n + ", " + d + ")"));
            ByteBuffer buffer = ByteBuffer.allocate(d * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (int row = 0; row < n; row++) {
                buffer.clear();
                buffer.asFloatBuffer().put(space.vectors(), row * d, d);
                out.write(buffer.array(), 0, d * 4);
            }
        });
        AtomicFiles.writeStream(idsFileFor(vectorsFile), out -> {
            out.write(header("<i8", "(" + n + ",)"));
            ByteBuffer buffer = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            for (int id : space.ids()) {
                buffer.clear();
                buffer.putLong(id);
                out.write(buffer.array());
            }
        });
    }

    /**
     * Reads {@code vectorsFile} and its ids file.
     *
     * @param expectedDimension 0 to accept any, else the d the caller needs (an adapter's input)
     */
    public static EmbeddingSpace read(String name, Path vectorsFile, int expectedDimension) throws IOException {
        Array vectors = readArray(vectorsFile);
        if (vectors.shape.length != 2) {
            throw new IOException(vectorsFile + ": expected a 2-D array (entities × dimension), found shape "
                    + java.util.Arrays.toString(vectors.shape));
        }
        Path idsFile = idsFileFor(vectorsFile);
        if (!Files.isRegularFile(idsFile)) {
            throw new IOException(vectorsFile + ": its ids file " + idsFile.getFileName() + " is missing");
        }
        Array ids = readArray(idsFile);
        if (ids.shape.length != 1 || ids.kind != 'i' && ids.kind != 'u') {
            throw new IOException(idsFile + ": expected a 1-D integer array of ids");
        }
        int n = (int) vectors.shape[0];
        int d = (int) vectors.shape[1];
        if (ids.shape[0] != n) {
            throw new IOException(idsFile + " has " + ids.shape[0] + " ids but " + vectorsFile.getFileName() + " has " + n + " rows");
        }
        if (expectedDimension > 0 && d != expectedDimension) {
            throw new IOException(vectorsFile + ": dimension " + d + ", expected " + expectedDimension);
        }
        float[] values = new float[n * d];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) vectors.number(i);
        }
        int[] idValues = new int[n];
        for (int i = 0; i < n; i++) {
            double id = ids.number(i);
            if (id < Integer.MIN_VALUE || id > Integer.MAX_VALUE) {
                throw new IOException(idsFile + ": id " + (long) id + " at row " + i + " does not fit a 32-bit id");
            }
            idValues[i] = (int) id;
        }
        try {
            return new EmbeddingSpace(name, idValues, values, d);
        } catch (IllegalArgumentException e) {
            throw new IOException(vectorsFile + ": " + e.getMessage(), e);
        }
    }

    private static byte[] header(String descr, String shape) {
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
        int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1;
        int padding = (64 - unpadded % 64) % 64; // the data starts on a 64-byte boundary (format v1.0)
        String text = dict + " ".repeat(padding) + "\n";
        ByteBuffer out = ByteBuffer.allocate(MAGIC.length + 4 + text.length()).order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) text.length()).put(text.getBytes(StandardCharsets.US_ASCII));
        return out.array();
    }

    /** A decoded .npy array: shape, element kind and the raw little- or big-endian data. */
    private record Array(long[] shape, char kind, int width, ByteBuffer data) {
        double number(int index) {
            int at = index * width;
            return switch (kind) {
                case 'f' -> width == 4 ? data.getFloat(at) : data.getDouble(at);
                default -> switch (width) {
                    case 1 -> data.get(at);
                    case 2 -> data.getShort(at);
                    case 4 -> data.getInt(at);
                    default -> data.getLong(at);
                };
            };
        }
    }

    private static Array readArray(Path file) throws IOException {
        try (InputStream stream = Files.newInputStream(file); DataInputStream in = new DataInputStream(stream)) {
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                throw new IOException(file + ": not a NumPy .npy file (bad magic)");
            }
            int major = in.readUnsignedByte();
            in.readUnsignedByte();
            int headerLength;
            if (major == 1) {
                headerLength = Short.toUnsignedInt(Short.reverseBytes(in.readShort()));
            } else if (major == 2 || major == 3) {
                headerLength = Integer.reverseBytes(in.readInt());
            } else {
                throw new IOException(file + ": .npy format version " + major + " is not supported");
            }
            String header = new String(in.readNBytes(headerLength), StandardCharsets.ISO_8859_1);
            Matcher descr = DESCR.matcher(header);
            Matcher fortran = FORTRAN.matcher(header);
            Matcher shape = SHAPE.matcher(header);
            if (!descr.find() || !fortran.find() || !shape.find()) {
                throw new IOException(file + ": unreadable .npy header '" + header.strip() + "'");
            }
            if (fortran.group(1).equals("True")) {
                throw new IOException(file + ": Fortran-ordered arrays are not supported; save with np.ascontiguousarray");
            }
            char kind = descr.group(2).charAt(0);
            int width = Integer.parseInt(descr.group(3));
            if (kind == 'f' && width != 4 && width != 8) {
                throw new IOException(file + ": float" + width * 8 + " is not supported (use float32 or float64)");
            }
            String[] parts = shape.group(1).split(",");
            long[] dims = java.util.Arrays.stream(parts).map(String::strip).filter(s -> !s.isEmpty()).mapToLong(Long::parseLong).toArray();
            long count = 1;
            for (long dim : dims) {
                count *= dim;
            }
            if (count * width > Integer.MAX_VALUE) {
                throw new IOException(file + ": array of " + count + " elements is too large");
            }
            byte[] data = in.readNBytes((int) (count * width));
            if (data.length != count * width) {
                throw new IOException(file + ": truncated, expected " + count * width + " data bytes, found " + data.length);
            }
            ByteOrder order = descr.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
            return new Array(dims, kind, width, ByteBuffer.wrap(data).order(order));
        }
    }
}
