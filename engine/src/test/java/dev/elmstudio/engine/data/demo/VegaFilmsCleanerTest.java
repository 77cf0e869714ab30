package dev.elmstudio.engine.data.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class VegaFilmsCleanerTest {
    private static String film(String title, String date, String genre, String imdb, String rotten, String usGross) {
        return "{\"Title\":" + title + ",\"US Gross\":" + usGross + ",\"Worldwide Gross\":5000000,\"US DVD Sales\":null,"
                + "\"Production Budget\":1000000,\"Release Date\":" + date + ",\"MPAA Rating\":\"R\",\"Running Time min\":null,"
                + "\"Distributor\":null,\"Source\":null,\"Major Genre\":" + genre + ",\"Creative Type\":null,\"Director\":null,"
                + "\"Rotten Tomatoes Rating\":" + rotten + ",\"IMDB Rating\":" + imdb + ",\"IMDB Votes\":" + (imdb.equals("null") ? "null" : "1000") + "}";
    }

    @Test
    void eachDeliberateErrorIsDroppedOrRepairedAndReported() {
        String json = "[" + String.join(",", List.of(
                film("\"Good Film\"", "\"Jun 12 1998\"", "\"Drama\"", "7.1", "80", "1000"),
                film("null", "\"Jun 12 1998\"", "\"Drama\"", "7.1", "80", "1000"),
                film("\"Bad Date\"", "\"sometime\"", "\"Drama\"", "7.1", "80", "1000"),
                film("\"Duel in the Sun\"", "\"Dec 31 2046\"", "\"Western\"", "6.9", "null", "1000"),
                film("\"No Genre\"", "\"Jun 12 1998\"", "null", "7.1", "80", "1000"),
                film("\"No Scores\"", "\"Jun 12 1998\"", "\"Drama\"", "null", "null", "1000"),
                film("\"Zero Gross\"", "\"Jun 12 1998\"", "\"Comedy\"", "5.0", "null", "0"),
                film("\"King Kong\"", "\"Dec 17 1976\"", "\"Adventure\"", "7.2", "84", "1000"),
                film("\"King Kong\"", "\"Dec 14 2005\"", "\"Adventure\"", "7.2", "null", "1000"),
                film("1776", "\"Nov 21 1972\"", "\"Musical\"", "7.0", "null", "1000"))) + "]";
        VegaFilmsCleaner cleaner = new VegaFilmsCleaner();
        List<Film> films = cleaner.clean(JsonParser.parseString(json).getAsJsonArray());
        CleaningReport report = cleaner.report();

        assertEquals(List.of("Good Film", "Duel in the Sun", "Zero Gross", "King Kong", "1776"),
                films.stream().map(Film::title).toList());
        assertEquals(1946, films.get(1).year());
        assertNull(films.get(2).usGross());
        Film kong1976 = films.get(3);
        assertNull(kong1976.imdbRating(), "IMDB values shared by remakes are unreliable");
        assertEquals(84, kong1976.rottenTomatoes());
        assertEquals(10, report.readCount());
        assertEquals(5, report.keptCount());
        assertEquals(1, report.droppedCount("no title"));
        assertEquals(1, report.droppedCount("release date"));
        assertEquals(1, report.droppedCount("no Major Genre"));
        assertEquals(2, report.droppedCount("neither"), report.text()); // "No Scores" and the 2005 King Kong once IMDB is cleared
        assertEquals(1, report.changedCount("release year"));
        assertEquals(1, report.changedCount("US Gross"));
        assertTrue(report.text().startsWith("read 10 films, kept 5\n"), report.text());
    }
}
