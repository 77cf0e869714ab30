package dev.elmstudio.engine.data.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.elmstudio.engine.data.MovieAttributes;
import dev.elmstudio.engine.data.MovieLensDataset;
import dev.elmstudio.engine.factor.AlsConfig;
import dev.elmstudio.engine.factor.QualityReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoWorldTest {
    @TempDir
    Path dir;

    @Test
    void catalogueAssetHoldsCleanRealFilms() throws IOException {
        List<Film> films = DemoAssets.films();
        assertTrue(films.size() > 2500, "films: " + films.size());
        for (Film film : films) {
            assertTrue(film.year() >= 1900 && film.year() <= VegaFilmsCleaner.LAST_PLAUSIBLE_YEAR, film.toString());
            assertTrue(film.imdbRating() != null || film.rottenTomatoes() != null, film.toString());
            assertTrue(film.usGross() == null || film.usGross() > 0, film.toString());
        }
        assertEquals(films.size(), films.stream().map(Film::id).distinct().count());
    }

    @Test
    void sameSeedGivesByteIdenticalWorld() throws IOException {
        List<Film> films = DemoAssets.films().subList(0, 300);
        SimulatedAudience.Config config = new SimulatedAudience.Config(60, 7);
        DemoWorld.write(films, config, dir.resolve("a"));
        DemoWorld.write(films, config, dir.resolve("b"));
        DemoWorld.write(films, new SimulatedAudience.Config(60, 8), dir.resolve("c"));
        for (String file : List.of("movies.csv", "ratings.csv", "tags.csv")) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(file)), Files.readAllBytes(dir.resolve("b").resolve(file)), file);
        }
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(dir.resolve("a/ratings.csv")), Files.readAllBytes(dir.resolve("c/ratings.csv"))));
    }

    @Test
    void worldGoesThroughTheMovieLensImporterAndAlsBeatsPopularity() throws IOException {
        List<Film> films = DemoAssets.films();
        MovieLensDataset world = DemoWorld.build(films, SimulatedAudience.Config.defaults(), dir.resolve("world"), null);
        assertEquals(SimulatedAudience.Config.defaults().viewers(), world.ratings().userCount());
        assertTrue(world.tags().size() > 100, "tags: " + world.tags().size());
        MovieAttributes attributes = MovieAttributes.fromUserTags(world.tags(), world.ratings().movieIds(), 10);
        assertTrue(attributes.names().containsAll(List.of("funny", "scary", "thought-provoking", "visually stunning")),
                "attributes: " + attributes.names());

        QualityReport report = QualityReport.measure(world.ratings(), AlsConfig.defaults().withThreads(2), 20, 10_000);
        System.out.println("demo world: " + world.catalogue().size() + " films kept (" + world.droppedMovies()
                + " with < 5 ratings dropped), " + world.ratings().size() + " ratings, " + world.tags().size() + " tags; "
                + report.summary());
        assertTrue(report.als().recall() > 1.5 * report.popularity().recall(), report.summary());
        assertTrue(report.als().ndcg() > report.popularity().ndcg(), report.summary());
    }
}
