package dev.elmstudio.engine.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file written byte by byte here, with every value worked out by hand, read through {@link SafeTensors}. */
class SafeTensorsHandBuiltFileTest {
    // Header order differs from data order on purpose: readers must follow data_offsets, not key order.
    private static final String HEADER = """
            {"i32":{"dtype":"I32","shape":[2],"data_offsets":[38,46]},\
            "__metadata__":{"format":"pt"},\
            "f32":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},\
            "f16":{"dtype":"F16","shape":[2,2],"data_offsets":[8,16]},\
            "bf16":{"dtype":"BF16","shape":[3],"data_offsets":[16,22]},\
            "i64":{"dtype":"I64","shape":[2],"data_offsets":[22,38]}}""";

    private static final byte[] DATA = new SafeTensorsBytes.Data()
            .f32(1.5f, -2f)
            // F16: sign | 5-bit exponent (bias 15) | 10-bit mantissa
            .bits16(0x3C00, // 0 01111 0000000000 = +1.0
                    0xC000, // 1 10000 0000000000 = -2.0
                    0x3555, // 0 01101 0101010101 = (1 + 341/1024) · 2^-2 = 1365/4096 = 0.333251953125
                    0x0001) // 0 00000 0000000001 = subnormal 2^-24
            // BF16: the top 16 bits of an F32
            .bits16(0x3F80, // 0x3F800000 = 1.0
                    0x4049, // 0 10000000 1001001 = (1 + 73/128) · 2 = 3.140625
                    0xC2F7) // 1 10000101 1110111 = -(1 + 119/128) · 2^6 = -123.5
            .i64(-1L, 1L << 40)
            .i32(7, -9)
            .bytes();

    @TempDir
    Path dir;

    private NDManager manager;
    private Path file;

    @BeforeEach
    void writeFile() throws IOException {
        manager = NDManager.newBaseManager();
        file = dir.resolve("hand.safetensors");
        Files.write(file, SafeTensorsBytes.file(HEADER, DATA));
    }

    @AfterEach
    void closeManager() {
        manager.close();
    }

    @Test
    void tensorsAreListedInDataOrderWithMetadata() throws IOException {
        try (SafeTensors st = SafeTensors.open(file)) {
            assertEquals(List.of("f32", "f16", "bf16", "i64", "i32"), List.copyOf(st.tensors().keySet()));
            assertEquals(Map.of("format", "pt"), st.metadata());
            assertEquals(new Shape(2, 2), st.info("f16").shape());
            assertEquals(SafeTensorDtype.BF16, st.info("bf16").dtype());
        }
    }

    @Test
    void floatTensorsReadAsFloat32WithHandWorkedValues() throws IOException {
        try (SafeTensors st = SafeTensors.open(file)) {
            assertArrayEquals(new float[] {1.5f, -2f}, read(st, "f32", DataType.FLOAT32).toFloatArray());

            NDArray f16 = read(st, "f16", DataType.FLOAT32);
            assertEquals(new Shape(2, 2), f16.getShape());
            assertArrayEquals(new float[] {1f, -2f, 0.333251953125f, 0x1p-24f}, f16.toFloatArray());

            assertArrayEquals(new float[] {1f, 3.140625f, -123.5f}, read(st, "bf16", DataType.FLOAT32).toFloatArray());
        }
    }

    @Test
    void integerTensorsKeepTheirType() throws IOException {
        try (SafeTensors st = SafeTensors.open(file)) {
            assertArrayEquals(new long[] {-1L, 1L << 40}, read(st, "i64", DataType.INT64).toLongArray());
            assertArrayEquals(new int[] {7, -9}, read(st, "i32", DataType.INT32).toIntArray());
        }
    }

    @Test
    void readArraysOwnTheirMemorySoTheyCanBeWritten() throws IOException {
        NDArray f32;
        try (SafeTensors st = SafeTensors.open(file)) {
            f32 = st.read("f32", manager);
        }
        // The mapping is read-only; an array aliasing it would crash the JVM here.
        f32.addi(1f);
        assertArrayEquals(new float[] {2.5f, -1f}, f32.toFloatArray());
    }

    private NDArray read(SafeTensors st, String name, DataType expectedType) throws IOException {
        NDArray array = st.read(name, manager);
        assertEquals(expectedType, array.getDataType(), name);
        return array;
    }
}
