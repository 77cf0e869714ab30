package dev.elmstudio.engine.checkpoint;

import dev.elmstudio.engine.io.AtomicFiles;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.ShortBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes the safetensors format: an 8-byte little-endian header length, a JSON header
 * ({@link SafeTensorsHeader}), then the raw little-endian bytes of every tensor.
 *
 * <p>Why not DJL's {@code NDList.encode(SAFETENSORS)} / {@code NDList.decode}: in DJL 0.33 the encoder
 * writes the header from a {@code ConcurrentHashMap} (tensor order lost), writes no {@code __metadata__}
 * (transformers refuses a file without {@code "format": "pt"}) and no alignment padding; the decoder reads the
 * whole data section into one {@code byte[]} (2× the file in heap, 2 GB limit from its {@code int} offsets),
 * drops the metadata, and validates neither offsets nor sizes, with messages that name no file.
 *
 * <p>Reading memory-maps one tensor at a time, so a large file costs no Java heap and the peak extra native
 * memory is one tensor. An open {@code SafeTensors} holds the file open; close it.
 */
public final class SafeTensors implements AutoCloseable {
    /** The reference implementation's limit; a larger "header" means a corrupted length prefix. */
    static final long MAX_HEADER_BYTES = 100_000_000L;

    private final Path file;
    private final FileChannel channel;
    private final long dataStart;
    private final SafeTensorsHeader header;

    private SafeTensors(Path file, FileChannel channel, long dataStart, SafeTensorsHeader header) {
        this.file = file;
        this.channel = channel;
        this.dataStart = dataStart;
        this.header = header;
    }

    /** Opens and validates a file; pickle files ({@code .bin}, {@code .pt}, ...) are refused by name. */
    public static SafeTensors open(Path file) throws IOException {
        PickleGuard.refuseIfPickle(file);
        requireLittleEndianHost();
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            long size = channel.size();
            if (size < 8) {
                throw new CheckpointException(file + ": " + size + " bytes is too short for a safetensors file"
                        + " (it starts with an 8-byte header length)");
            }
            long headerLength = readFully(channel, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
            if (headerLength < 2 || headerLength > MAX_HEADER_BYTES || headerLength > size - 8) {
                throw new CheckpointException(file + ": safetensors header length " + Long.toUnsignedString(headerLength)
                        + " does not fit a file of " + size + " bytes (file truncated or not safetensors)");
            }
            byte[] json = new byte[(int) headerLength];
            readFully(channel, 8, (int) headerLength).get(json);
            long dataStart = 8 + headerLength;
            SafeTensorsHeader header = SafeTensorsHeader.parse(file.toString(), json, size - dataStart);
            return new SafeTensors(file, channel, dataStart, header);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    public Path file() {
        return file;
    }

    /** The {@code __metadata__} string map (empty if the file has none). */
    public Map<String, String> metadata() {
        return header.metadata();
    }

    /** Every tensor's header entry, in file order. */
    public Map<String, SafeTensorInfo> tensors() {
        return header.tensors();
    }

    public SafeTensorInfo info(String name) throws CheckpointException {
        SafeTensorInfo info = header.tensors().get(name);
        if (info == null) {
            throw new CheckpointException(file + ": no tensor named '" + name + "'");
        }
        return info;
    }

    /**
     * Reads one tensor into {@code manager} (and onto its device). F16 and BF16 are widened to F32; F32, I64
     * and I32 come back as stored. The array is named after the tensor.
     */
    public NDArray read(String name, NDManager manager) throws IOException {
        SafeTensorInfo info = info(name);
        DataType loaded = info.dtype().loadedType();
        if (info.shape().size() == 0) {
            // A zero-byte mapping has no address for PyTorch to wrap.
            NDArray empty = manager.zeros(info.shape(), loaded);
            empty.setName(name);
            return empty;
        }
        MappedByteBuffer bytes;
        try {
            bytes = channel.map(FileChannel.MapMode.READ_ONLY, dataStart + info.begin(), info.byteLength());
        } catch (IOException e) {
            throw new IOException(file + ": cannot map tensor '" + name + "': " + e.getMessage(), e);
        }
        bytes.order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer source = bytes;
        DataType sourceType = info.dtype().djlType();
        if (info.dtype() == SafeTensorDtype.BF16) {
            // DJL 0.33's PyTorch JNI aborts the JVM when handed a bfloat16 buffer, so widen in Java: a BF16
            // value is the top half of the F32 with the same bits.
            source = widenBf16(bytes);
            sourceType = DataType.FLOAT32;
        }
        // On the CPU DJL's PyTorch engine wraps a direct buffer without copying (torch::from_blob), so this
        // view aliases the read-only mapping (or the widened buffer): copy it, widening F16 on the way, so the
        // caller gets an array that owns its memory and outlives the file.
        NDArray view = manager.create(source, info.shape(), sourceType);
        try {
            NDArray owned = view.getDataType() == loaded ? view.duplicate() : view.toType(loaded, true);
            owned.setName(name);
            return owned;
        } finally {
            view.close();
        }
    }

    /** Reads every tensor into {@code manager}, in file order. */
    public Map<String, NDArray> readAll(NDManager manager) throws IOException {
        Map<String, NDArray> out = new LinkedHashMap<>();
        for (String name : header.tensors().keySet()) {
            out.put(name, read(name, manager));
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /**
     * Writes {@code tensors} (F32 or I64, any device) in map order, atomically: readers see the old file or
     * the complete new one. Hugging Face transformers needs {@code metadata} to hold {@code "format": "pt"}.
     *
     * @throws IllegalArgumentException for a blank or reserved name or an element type other than F32 / I64
     */
    public static void write(Path file, Map<String, NDArray> tensors, Map<String, String> metadata)
            throws IOException {
        requireLittleEndianHost();
        List<SafeTensorInfo> layout = new ArrayList<>();
        long offset = 0;
        for (Map.Entry<String, NDArray> e : tensors.entrySet()) {
            String name = e.getKey();
            NDArray array = e.getValue();
            if (name == null || name.isBlank() || name.equals(SafeTensorsHeader.METADATA_KEY)) {
                throw new IllegalArgumentException(file + ": tensor name '" + name + "' is blank or reserved");
            }
            SafeTensorDtype dtype = SafeTensorDtype.forWriting(array.getDataType())
                    .orElseThrow(() -> new IllegalArgumentException(file + ": tensor '" + name + "' is "
                            + array.getDataType() + "; only float32 and int64 are written (convert it first)"));
            long end = offset + array.size() * dtype.bytes();
            layout.add(new SafeTensorInfo(name, dtype, array.getShape(), offset, end));
            offset = end;
        }
        byte[] json = SafeTensorsHeader.encode(layout, metadata);
        AtomicFiles.write(file, channel -> {
            ByteBuffer length = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, json.length);
            AtomicFiles.writeFully(channel, length);
            AtomicFiles.writeFully(channel, ByteBuffer.wrap(json));
            for (NDArray array : tensors.values()) {
                writeData(channel, array);
            }
        });
    }

    private static void writeData(FileChannel channel, NDArray array) throws IOException {
        if (array.size() == 0) {
            return;
        }
        // toByteBuffer may first make a CPU copy (GPU array) or a contiguous copy (transposed view), and DJL
        // puts such copies in the array's own manager, which may be a model's long-lived one. Lending the
        // array to a scratch manager for the duration makes those copies close with the scratch manager.
        try (NDManager scratch = array.getManager().newSubManager()) {
            array.tempAttach(scratch);
            AtomicFiles.writeFully(channel, array.toByteBuffer(true));
        }
    }

    private static ByteBuffer widenBf16(ByteBuffer bf16) {
        ShortBuffer halves = bf16.asShortBuffer();
        ByteBuffer f32 = ByteBuffer.allocateDirect(halves.remaining() * 4).order(ByteOrder.nativeOrder());
        while (halves.hasRemaining()) {
            f32.putInt(halves.get() << 16);
        }
        return f32.flip();
    }

    private static ByteBuffer readFully(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new IOException("unexpected end of file");
            }
        }
        return buffer.flip();
    }

    /**
     * safetensors is little-endian and tensors are handed to PyTorch as raw native-order bytes. Every
     * platform PyTorch ships for (x86-64, aarch64) is little-endian, so rather than byte-swap code that would
     * never run, a big-endian host is refused.
     */
    private static void requireLittleEndianHost() {
        if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) {
            throw new UnsupportedOperationException("safetensors I/O needs a little-endian machine");
        }
    }
}
