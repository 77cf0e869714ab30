package dev.elmstudio.app.compare;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.elmstudio.app.jobs.ElmRunSettings;
import dev.elmstudio.engine.data.Catalogue;
import dev.elmstudio.engine.data.Movie;
import dev.elmstudio.engine.data.task.TaskExample;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FilmSlotsTest {
    private final ElmRunSettings settings = ElmRunSettings.fromJson(
            "{\"dataset\":\"d\",\"space\":\"films\",\"spaces\":{\"user\":\"users\"}}", 1);
    private final Catalogue catalogue = new Catalogue(List.of(new Movie(3, "Heat", 1995, List.of("Crime"))));

    @Test
    void aUserWhoseIdIsAlsoAFilmsIsNoFilm() {
        assertTrue(FilmSlots.allFilms(settings, task("movie", 3), catalogue));
        assertFalse(FilmSlots.allFilms(settings, task("user", 3), catalogue), "user 3 is not the film Heat");
        assertFalse(FilmSlots.allFilms(settings, task("movie", 4), catalogue), "no film 4 in the catalogue");
    }

    private static TaskExample task(String slot, int id) {
        return new TaskExample("t", Map.of(slot, id), "About {" + slot + "}.", "x");
    }
}
