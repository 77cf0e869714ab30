package dev.elmstudio.engine.data.embedding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.elmstudio.engine.data.ImportListener;
import dev.elmstudio.engine.data.MalformedDataException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingFilesTest {
    @TempDir
    Path dir;

    private static final EmbeddingSpace SPACE = new EmbeddingSpace("movies", new int[] {7, 3, 100},
            new float[] {0.1f, -2f, 1e-7f, 3.5f, 0f, 1f}, 2);

    @Test
    void npyRoundTripIsExact() throws IOException {
        NpyFiles.write(SPACE, dir.resolve("movies.npy"));
        EmbeddingSpace back = NpyFiles.read("movies", dir.resolve("movies.npy"), 2);
        assertArrayEquals(SPACE.ids(), back.ids());
        assertArrayEquals(SPACE.vectors(), back.vectors());
        assertTrue(Files.isRegularFile(dir.resolve("movies.ids.npy")));
    }

    @Test
    void npyHeaderIsNumpyFormatVersion1() throws IOException {
        NpyFiles.write(SPACE, dir.resolve("m.npy"));
        byte[] bytes = Files.readAllBytes(dir.resolve("m.npy"));
        // magic, version 1.0, header length 118 (little-endian): the data starts at byte 128, a multiple of 64
        assertEquals("934e554d505901007600", HexFormat.of().formatHex(bytes, 0, 10));
        String header = new String(bytes, 10, 118, java.nio.charset.StandardCharsets.US_ASCII);
        assertTrue(header.startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (3, 2), }"), header);
        assertTrue(header.endsWith(" \n"), header);
        assertEquals(128 + 3 * 2 * 4, bytes.length);
    }

    @Test
    void npyDimensionAndIdCountAreChecked() throws IOException {
        NpyFiles.write(SPACE, dir.resolve("m.npy"));
        IOException wrongDimension = assertThrows(IOException.class, () -> NpyFiles.read("m", dir.resolve("m.npy"), 32));
        assertTrue(wrongDimension.getMessage().contains("dimension 2, expected 32"), wrongDimension.getMessage());
        NpyFiles.write(new EmbeddingSpace("other", new int[] {1}, new float[] {1, 2}, 2), dir.resolve("o.npy"));
        Files.copy(dir.resolve("o.ids.npy"), dir.resolve("m.ids.npy"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        IOException wrongIds = assertThrows(IOException.class, () -> NpyFiles.read("m", dir.resolve("m.npy"), 0));
        assertTrue(wrongIds.getMessage().contains("has 1 ids but m.npy has 3 rows"), wrongIds.getMessage());
    }

    @Test
    void csvRoundTripIsExact() throws IOException {
        EmbeddingCsv.write(SPACE, dir.resolve("m.csv"));
        assertTrue(Files.readString(dir.resolve("m.csv")).startsWith("id,x0,x1\n7,0.1,-2.0\n"));
        EmbeddingSpace back = EmbeddingCsv.read("m", dir.resolve("m.csv"), 2, ImportListener.NONE);
        assertArrayEquals(SPACE.ids(), back.ids());
        assertArrayEquals(SPACE.vectors(), back.vectors());
    }

    @Test
    void csvBadValueAndDuplicateIdNameLineAndField() throws IOException {
        Files.writeString(dir.resolve("bad.csv"), "id,x0,x1\n1,0.5,0.25\n2,0.5,oops\n");
        MalformedDataException bad = assertThrows(MalformedDataException.class,
                () -> EmbeddingCsv.read("b", dir.resolve("bad.csv"), 0, ImportListener.NONE));
        assertEquals(3, bad.line());
        assertEquals("x1", bad.field());
        Files.writeString(dir.resolve("dup.csv"), "id,x0\n1,0.5\n1,0.25\n");
        MalformedDataException dup = assertThrows(MalformedDataException.class,
                () -> EmbeddingCsv.read("d", dir.resolve("dup.csv"), 0, ImportListener.NONE));
        assertTrue(dup.getMessage().contains("id 1 appears twice"), dup.getMessage());
        Files.writeString(dir.resolve("short.csv"), "id,x0,x1\n1,0.5\n");
        assertThrows(MalformedDataException.class, () -> EmbeddingCsv.read("s", dir.resolve("short.csv"), 2, ImportListener.NONE));
    }

    @Test
    void byIdFindsVectorsAndNamesMissingIds() {
        assertArrayEquals(new float[] {0f, 1f}, SPACE.byId().apply(100));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SPACE.byId().apply(5));
        assertEquals("embedding space 'movies' has no entity 5", e.getMessage());
    }

    @Test
    void spaceRefusesDuplicateIdsAndNonFiniteValues() {
        assertThrows(IllegalArgumentException.class, () -> new EmbeddingSpace("x", new int[] {1, 1}, new float[2], 1));
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> new EmbeddingSpace("x", new int[] {1, 2}, new float[] {0, Float.NaN}, 1));
        assertTrue(nan.getMessage().contains("id 2"), nan.getMessage());
    }
}
