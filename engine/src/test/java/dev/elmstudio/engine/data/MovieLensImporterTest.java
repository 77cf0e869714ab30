package dev.elmstudio.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MovieLensImporterTest {
    @TempDir
    Path dir;

    @Test
    void readsQuotedTitlesTitlesWithoutYearAndUtf8() throws IOException {
        MovieLensDataset data = new MovieLensImporter(new MovieLensImporter.Options(1), null)
                .importFolder(MovieLensFixtures.csvRelease(dir));

        Catalogue movies = data.catalogue();
        assertEquals(5, movies.size());
        assertEquals(new Movie(2, "American President, The", 1995, List.of("Comedy", "Drama", "Romance")),
                movies.byId(2).orElseThrow());
        Movie noYear = movies.byId(3).orElseThrow();
        assertEquals("Hyena Road", noYear.title());
        assertEquals(0, noYear.year());
        assertEquals(List.of(), noYear.genres());
        Movie leon = movies.byId(4).orElseThrow();
        assertEquals("Léon: The Professional (a.k.a. \"The Professional\")", leon.title());
        assertEquals(1994, leon.year());
        assertEquals("Babylon 5", movies.byId(5).orElseThrow().title());
        assertEquals(26, data.ratings().size());
        assertEquals(6, data.ratings().userCount());
        assertEquals("pixar, animation", data.tags().tag(1));
        assertEquals(0, data.links().get(2).tmdbId());
        assertTrue(data.genome().isEmpty());
    }

    @Test
    void dropsMoviesBelowTheMinimumAndTheirTags() throws IOException {
        MovieLensDataset data = new MovieLensImporter().importFolder(MovieLensFixtures.csvRelease(dir));

        assertEquals(4, data.catalogue().size());
        assertTrue(data.catalogue().byId(5).isEmpty());
        assertEquals(1, data.droppedMovies());
        assertEquals(24, data.ratings().size());
        assertEquals(3, data.tags().size());
        assertEquals(4, data.links().size());
        for (int row = 0; row < data.ratings().size(); row++) {
            assertTrue(data.ratings().movieId(data.ratings().movieIndex(row)) != 5);
        }
    }

    @Test
    void readsTheTagGenomeForKeptMovies() throws IOException {
        MovieLensFixtures.addGenome(MovieLensFixtures.csvRelease(dir));

        TagGenome genome = new MovieLensImporter().importFolder(dir).genome().orElseThrow();

        assertEquals(List.of("funny", "dark, gritty"), genome.tags());
        assertEquals(2, genome.movieIds().length);
        assertEquals(0.95f, genome.relevance(0, 0));
        assertEquals(0.2f, genome.relevance(1, 1));
    }

    @Test
    void readsMl100kInLatin1() throws IOException {
        MovieLensDataset data = new MovieLensImporter().importFolder(MovieLensFixtures.ml100k(dir));

        assertEquals(3, data.catalogue().size());
        assertEquals(List.of("Animation", "Children's", "Comedy"), data.catalogue().byId(1).orElseThrow().genres());
        Movie cafe = data.catalogue().byId(3).orElseThrow();
        assertEquals("Café au lait", cafe.title());
        assertEquals(1994, cafe.year());
        assertEquals(15, data.ratings().size());
        assertEquals(5, data.users().size());
        assertEquals("writer", data.users().get(2).occupation());
    }

    @Test
    void malformedRatingNamesFileLineAndField() throws IOException {
        MovieLensFixtures.csvRelease(dir);
        List<String> lines = Files.readAllLines(dir.resolve("ratings.csv"));
        lines.set(6, "2,3,4,5,964982703");
        lines.set(7, "2,4,\"4,5\",964982703");
        Files.write(dir.resolve("ratings.csv"), lines.subList(0, 7));

        MalformedDataException tooMany = assertThrows(MalformedDataException.class, () -> new MovieLensImporter().importFolder(dir));
        assertEquals("ratings.csv", tooMany.file());
        assertEquals(7, tooMany.line());

        Files.write(dir.resolve("ratings.csv"), List.of(lines.get(0), lines.get(1), lines.get(7)));
        MalformedDataException badValue = assertThrows(MalformedDataException.class, () -> new MovieLensImporter().importFolder(dir));
        assertEquals(3, badValue.line());
        assertEquals("rating", badValue.field());
        assertTrue(badValue.getMessage().startsWith("ratings.csv line 3, field rating: '4,5'"), badValue.getMessage());
    }

    @Test
    void ratingOutsideTheScaleAndUnknownMovieAreReported() throws IOException {
        MovieLensFixtures.csvRelease(dir);
        Files.writeString(dir.resolve("ratings.csv"), "userId,movieId,rating,timestamp\n1,1,5.5,1\n");
        MalformedDataException scale = assertThrows(MalformedDataException.class, () -> new MovieLensImporter().importFolder(dir));
        assertEquals("rating", scale.field());
        Files.writeString(dir.resolve("ratings.csv"), "userId,movieId,rating,timestamp\n1,1,5,1\n1,99,3,1\n");
        MalformedDataException unknown = assertThrows(MalformedDataException.class, () -> new MovieLensImporter().importFolder(dir));
        assertEquals("movieId", unknown.field());
        assertEquals(3, unknown.line());
    }

    @Test
    void latin1BytesInAUtf8FileAreAnErrorNotGarbage() throws IOException {
        MovieLensFixtures.csvRelease(dir);
        MovieLensFixtures.write(dir.resolve("movies.csv"), StandardCharsets.ISO_8859_1, "movieId,title,genres",
                "1,Toy Story (1995),Comedy", "2,Café (1999),Drama");
        MalformedDataException e = assertThrows(MalformedDataException.class, () -> new MovieLensImporter().importFolder(dir));
        assertEquals("movies.csv", e.file());
    }

    @Test
    void cancelStopsTheImportAndReportsProgressBefore() throws IOException {
        MovieLensFixtures.csvRelease(dir);
        StringBuilder many = new StringBuilder("userId,movieId,rating,timestamp\n");
        for (int i = 0; i < DelimitedFileReader.REPORT_EVERY * 3; i++) {
            many.append(i % 500).append(',').append(1 + i % 4).append(",3.5,1\n");
        }
        Files.writeString(dir.resolve("ratings.csv"), many);
        AtomicLong lastLine = new AtomicLong();
        ImportListener cancelAfterFirstReport = new ImportListener() {
            @Override
            public void onProgress(String file, long bytesRead, long totalBytes, long linesRead) {
                if (file.equals("ratings.csv")) {
                    lastLine.set(linesRead);
                }
            }

            @Override
            public boolean cancelRequested() {
                return lastLine.get() > 0;
            }
        };

        assertThrows(ImportCancelledException.class,
                () -> new MovieLensImporter(MovieLensImporter.Options.defaults(), cancelAfterFirstReport).importFolder(dir));
        assertEquals(DelimitedFileReader.REPORT_EVERY, lastLine.get());
    }

    @Test
    void folderWithoutMovieLensFilesIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new MovieLensImporter().importFolder(dir));
        assertTrue(e.getMessage().contains("u.data"), e.getMessage());
        assertFalse(e.getMessage().isBlank());
    }
}
