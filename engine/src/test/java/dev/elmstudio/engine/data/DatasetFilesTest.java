package dev.elmstudio.engine.data;

import dev.elmstudio.engine.io.AtomicFiles;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetFilesTest {
    @TempDir
    Path dir;

    @Test
    void savedDatasetReadsBackIdentically() throws IOException {
        MovieLensFixtures.addGenome(MovieLensFixtures.csvRelease(dir.resolve("ml")));
        MovieLensDataset data = new MovieLensImporter().importFolder(dir.resolve("ml"));
        DatasetFiles.write(data, dir.resolve("saved"));
        MovieLensDataset back = DatasetFiles.read(dir.resolve("saved"));

        assertEquals(data.catalogue().movies(), back.catalogue().movies());
        assertArrayEquals(data.ratings().valueColumn(), back.ratings().valueColumn());
        assertArrayEquals(data.ratings().movieIds(), back.ratings().movieIds());
        assertEquals(data.tags().vocabulary(), back.tags().vocabulary());
        assertEquals(data.links(), back.links());
        assertArrayEquals(data.genome().orElseThrow().relevance(), back.genome().orElseThrow().relevance());
        assertEquals(data.droppedMovies(), back.droppedMovies());
    }

    @Test
    void failedSaveLeavesNothingAndKeepsThePreviousCopy() throws IOException {
        MovieLensDataset data = new MovieLensImporter().importFolder(MovieLensFixtures.csvRelease(dir.resolve("ml")));
        DatasetFiles.write(data, dir.resolve("saved"));
        byte[] before = Files.readAllBytes(dir.resolve("saved/ratings.bin"));

        assertThrows(IOException.class, () -> AtomicFiles.publishFolder(dir.resolve("saved"), temp -> {
            Files.writeString(temp.resolve("ratings.bin"), "half");
            throw new IOException("disk full");
        }));

        assertArrayEquals(before, Files.readAllBytes(dir.resolve("saved/ratings.bin")));
        try (Stream<Path> entries = Files.list(dir)) {
            assertFalse(entries.anyMatch(p -> p.getFileName().toString().startsWith(".")), "temporary folder left behind");
        }
    }
}
