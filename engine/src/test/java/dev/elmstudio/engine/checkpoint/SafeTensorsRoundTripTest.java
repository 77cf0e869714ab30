package dev.elmstudio.engine.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeTensorsRoundTripTest {
    @TempDir
    Path dir;

    private NDManager manager;

    @BeforeEach
    void openManager() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void closeManager() {
        manager.close();
    }

    @Test
    void writtenTensorsReadBackWithSameNamesOrderShapesValuesAndMetadata() throws IOException {
        Map<String, NDArray> tensors = new LinkedHashMap<>();
        tensors.put("matrix", manager.create(new float[] {1, 2, 3, 4, 5, 6}, new Shape(2, 3)));
        tensors.put("scalar", manager.create(-7.25f));
        tensors.put("empty", manager.create(new Shape(0, 4), DataType.FLOAT32));
        tensors.put("step", manager.create(new long[] {0, 1L << 40, -3}));
        tensors.put("cube", manager.arange(24f).reshape(2, 3, 4));
        Path file = dir.resolve("state.safetensors");

        SafeTensors.write(file, tensors, Map.of("format", "pt", "note", "round trip ✓"));

        try (SafeTensors read = SafeTensors.open(file)) {
            assertEquals(Map.of("format", "pt", "note", "round trip ✓"), read.metadata());
            assertEquals(List.of("matrix", "scalar", "empty", "step", "cube"), List.copyOf(read.tensors().keySet()));
            Map<String, NDArray> back = read.readAll(manager);
            for (Map.Entry<String, NDArray> e : tensors.entrySet()) {
                NDArray expected = e.getValue();
                NDArray actual = back.get(e.getKey());
                assertEquals(expected.getShape(), actual.getShape(), e.getKey());
                assertEquals(expected.getDataType(), actual.getDataType(), e.getKey());
                assertEquals(expected, actual, e.getKey());
                assertEquals(e.getKey(), actual.getName());
            }
            assertEquals(new Shape(), back.get("scalar").getShape());
            assertEquals(SafeTensorDtype.I64, read.info("step").dtype());
        }
    }

    @Test
    void headerIsPaddedSoDataStartsOnAnEightByteBoundary() throws IOException {
        Path file = dir.resolve("odd.safetensors");
        SafeTensors.write(file, Map.of("a_name_of_odd_length", manager.create(new float[] {1})), Map.of());

        byte[] bytes = Files.readAllBytes(file);
        long headerLength = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertEquals(0, (8 + headerLength) % 8);
        assertEquals(8 + headerLength + 4, bytes.length);
    }

    @Test
    void transposedViewIsWrittenInItsLogicalRowMajorOrder() throws IOException {
        NDArray matrix = manager.create(new float[] {1, 2, 3, 4, 5, 6}, new Shape(2, 3));
        Path file = dir.resolve("t.safetensors");

        SafeTensors.write(file, Map.of("t", matrix.transpose()), Map.of());

        try (SafeTensors read = SafeTensors.open(file)) {
            NDArray back = read.read("t", manager);
            assertEquals(new Shape(3, 2), back.getShape());
            assertArrayEquals(new float[] {1, 4, 2, 5, 3, 6}, back.toFloatArray());
        }
    }

    @Test
    void writingLeavesNoArraysBehindInTheTensorsManager() throws IOException {
        try (NDManager model = manager.newSubManager()) {
            NDArray weight = model.create(new float[] {1, 2, 3, 4, 5, 6}, new Shape(2, 3));
            NDArray transposed = weight.transpose();
            int before = model.getManagedArrays().size();

            SafeTensors.write(dir.resolve("w.safetensors"), Map.of("w", transposed), Map.of());

            assertEquals(before, model.getManagedArrays().size());
            assertTrue(transposed.getManager() == model, "the array is handed back to its manager");
        }
    }

    @Test
    void rewritingReplacesTheFileAndLeavesNoTemporaryFiles() throws IOException {
        Path file = dir.resolve("model.safetensors");
        SafeTensors.write(file, Map.of("x", manager.create(new float[] {1})), Map.of());
        SafeTensors.write(file, Map.of("y", manager.create(new float[] {2, 3})), Map.of());

        try (SafeTensors read = SafeTensors.open(file); Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("y"), List.copyOf(read.tensors().keySet()));
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void writingAnUnsupportedElementTypeNamesTheTensor() {
        NDArray half = manager.create(new float[] {1}).toType(DataType.FLOAT16, false);
        Map<String, NDArray> tensors = Map.of("half", half);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SafeTensors.write(dir.resolve("h.safetensors"), tensors, Map.of()));

        assertTrue(e.getMessage().contains("'half'"), e.getMessage());
        assertTrue(Files.notExists(dir.resolve("h.safetensors")));
    }
}
