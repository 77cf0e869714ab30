package dev.elmstudio.engine.checkpoint;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every broken file is refused with a message naming the file and what is wrong. */
class SafeTensorsCorruptFileTest {
    private static final String ONE_TENSOR = "{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}";
    private static final byte[] TWO_FLOATS = new SafeTensorsBytes.Data().f32(1, 2).bytes();

    @TempDir
    Path dir;

    @Test
    void fileShorterThanTheLengthPrefixIsRefused() throws IOException {
        assertRefused(new byte[] {1, 2, 3}, "too short");
    }

    @Test
    void headerLengthPastTheEndOfTheFileIsRefused() throws IOException {
        assertRefused(SafeTensorsBytes.withDeclaredHeaderLength(1000, "{}".getBytes(StandardCharsets.UTF_8)),
                "header length 1000");
    }

    @Test
    void negativeHeaderLengthIsReportedUnsigned() throws IOException {
        assertRefused(SafeTensorsBytes.withDeclaredHeaderLength(-1, new byte[16]), "18446744073709551615");
    }

    @Test
    void headerCutShortIsRefused() throws IOException {
        byte[] whole = SafeTensorsBytes.file(ONE_TENSOR, TWO_FLOATS);
        // Keep the length prefix but cut the file in the middle of the JSON.
        assertRefused(Arrays.copyOf(whole, 30), "does not fit a file of 30 bytes");
    }

    @Test
    void headerLengthPointingIntoTheJsonIsRefused() throws IOException {
        byte[] json = ONE_TENSOR.getBytes(StandardCharsets.UTF_8);
        assertRefused(SafeTensorsBytes.withDeclaredHeaderLength(20, json), "not valid JSON");
    }

    @Test
    void binaryGarbageInsteadOfJsonIsRefused() throws IOException {
        assertRefused(SafeTensorsBytes.withDeclaredHeaderLength(8, new byte[] {(byte) 0x80, 2, 0x7d, 0, 0, 0, 0, 0}),
                "does not start with '{'");
    }

    @Test
    void dataShorterThanTheHeaderSaysIsRefusedNamingTheTensor() throws IOException {
        byte[] oneFloat = new SafeTensorsBytes.Data().f32(1).bytes();
        assertRefused(SafeTensorsBytes.file(ONE_TENSOR, oneFloat), "tensor 'w' ends at data byte 8",
                "only 4 data bytes");
    }

    @Test
    void byteLengthThatDisagreesWithTheShapeIsRefused() throws IOException {
        String header = "{\"w\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}";
        assertRefused(SafeTensorsBytes.file(header, TWO_FLOATS), "tensor 'w'", "needs 12");
    }

    @Test
    void unsupportedDtypeIsRefusedNamingTensorAndDtype() throws IOException {
        String header = "{\"w\":{\"dtype\":\"F8_E4M3\",\"shape\":[8],\"data_offsets\":[0,8]}}";
        assertRefused(SafeTensorsBytes.file(header, TWO_FLOATS), "tensor 'w'", "'F8_E4M3' not supported");
    }

    @Test
    void overlappingTensorsAreRefused() throws IOException {
        String header = "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}";
        assertRefused(SafeTensorsBytes.file(header, TWO_FLOATS), "overlaps");
    }

    @Test
    void bytesBelongingToNoTensorAreRefused() throws IOException {
        String header = "{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}";
        assertRefused(SafeTensorsBytes.file(header, TWO_FLOATS), "4 data bytes after the last tensor");
    }

    @Test
    void negativeShapeIsRefused() throws IOException {
        String header = "{\"w\":{\"dtype\":\"F32\",\"shape\":[-2],\"data_offsets\":[0,8]}}";
        assertRefused(SafeTensorsBytes.file(header, TWO_FLOATS), "tensor 'w'", "shape must not be negative");
    }

    @Test
    void nonStringMetadataIsRefused() throws IOException {
        String header = "{\"__metadata__\":{\"format\":1},"
                + "\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}";
        assertRefused(SafeTensorsBytes.file(header, TWO_FLOATS), "__metadata__ value 'format' must be a string");
    }

    private void assertRefused(byte[] contents, String... expectedFragments) throws IOException {
        Path file = dir.resolve("broken.safetensors");
        Files.write(file, contents);
        CheckpointException e = assertThrows(CheckpointException.class, () -> SafeTensors.open(file).close());
        assertTrue(e.getMessage().contains(file.toString()), "names the file: " + e.getMessage());
        for (String fragment : expectedFragments) {
            assertTrue(e.getMessage().contains(fragment), "expected '" + fragment + "' in: " + e.getMessage());
        }
    }
}
