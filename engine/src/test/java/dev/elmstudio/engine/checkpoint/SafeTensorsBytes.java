package dev.elmstudio.engine.checkpoint;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Builds safetensors files byte by byte, so tests do not depend on the writer they check. */
final class SafeTensorsBytes {
    private SafeTensorsBytes() {}

    /** A well-formed file: length prefix, the header padded with spaces to 8 bytes, then {@code data}. */
    static byte[] file(String header, byte[] data) {
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;
        ByteBuffer out = ByteBuffer.allocate(8 + padded + data.length).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(padded).put(json);
        for (int i = json.length; i < padded; i++) {
            out.put((byte) ' ');
        }
        return out.put(data).array();
    }

    /** A file whose length prefix says {@code declaredLength}, whatever follows. */
    static byte[] withDeclaredHeaderLength(long declaredLength, byte[] rest) {
        return ByteBuffer.allocate(8 + rest.length).order(ByteOrder.LITTLE_ENDIAN)
                .putLong(declaredLength).put(rest).array();
    }

    /** Little-endian data builder. */
    static final class Data {
        private final ByteBuffer buffer = ByteBuffer.allocate(1024).order(ByteOrder.LITTLE_ENDIAN);

        Data f32(float... values) {
            for (float v : values) {
                buffer.putFloat(v);
            }
            return this;
        }

        /** Raw 16-bit patterns, for F16 and BF16. */
        Data bits16(int... values) {
            for (int v : values) {
                buffer.putShort((short) v);
            }
            return this;
        }

        Data i64(long... values) {
            for (long v : values) {
                buffer.putLong(v);
            }
            return this;
        }

        Data i32(int... values) {
            for (int v : values) {
                buffer.putInt(v);
            }
            return this;
        }

        byte[] bytes() {
            byte[] out = new byte[buffer.position()];
            buffer.duplicate().flip().get(out);
            return out;
        }
    }
}
