package dev.elmstudio.engine.data.demo;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns vega-datasets' movies.json into clean {@link Film}s. The package warns that the table has
 * "known data quality issues and intentional errors"; each rule below says what it does about one:
 * <ul>
 *   <li>no title: dropped (nothing to show);</li>
 *   <li>release date not "Mon dd yyyy": dropped;</li>
 *   <li>release year after {@value #LAST_PLAUSIBLE_YEAR} (the table was made in 2010; "Dec 31 2046" is Duel in
 *       the Sun, 1946): a two-digit year expanded into the wrong century, so 100 years are taken off;</li>
 *   <li>several films with one title (remakes: King Kong 1976 and 2005) share the same IMDB rating and
 *       votes, evidently joined by title: the IMDB values of all of them are cleared as unreliable;</li>
 *   <li>no Major Genre, or neither IMDB nor Rotten Tomatoes score: dropped, because the simulated audience's
 *       tastes are built on genre and acclaim;</li>
 *   <li>zero US / worldwide gross or DVD sales: recorded as unknown (a film with a release did gross something);</li>
 *   <li>numeric titles (300, 1941) are kept as text.</li>
 * </ul>
 */
public final class VegaFilmsCleaner {
    static final int LAST_PLAUSIBLE_YEAR = 2012;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMM dd yyyy", Locale.ENGLISH);

    private final CleaningReport report = new CleaningReport();

    public CleaningReport report() {
        return report;
    }

    public List<Film> clean(Path moviesJson) throws IOException {
        try (Reader in = Files.newBufferedReader(moviesJson, StandardCharsets.UTF_8)) {
            JsonElement root = JsonParser.parseReader(in);
            if (!root.isJsonArray()) {
                throw new IOException(moviesJson + ": expected a JSON array of films");
            }
            return clean(root.getAsJsonArray());
        }
    }

    public List<Film> clean(JsonArray rows) {
        Map<String, Integer> titleCounts = new HashMap<>();
        for (JsonElement row : rows) {
            String title = text(row.getAsJsonObject(), "Title");
            if (title != null) {
                titleCounts.merge(title, 1, Integer::sum);
            }
        }
        List<Film> films = new ArrayList<>();
        for (JsonElement element : rows) {
            report.read();
            JsonObject row = element.getAsJsonObject();
            String title = text(row, "Title");
            if (title == null || title.isBlank()) {
                report.drop("no title", String.valueOf(row));
                continue;
            }
            String rawDate = text(row, "Release Date");
            LocalDate date;
            try {
                date = rawDate == null ? null : LocalDate.parse(rawDate, DATE);
            } catch (DateTimeParseException e) {
                date = null;
            }
            if (date == null) {
                report.drop("release date missing or not 'Mon dd yyyy'", title + " '" + rawDate + "'");
                continue;
            }
            if (date.getYear() > LAST_PLAUSIBLE_YEAR) {
                LocalDate repaired = date.minusYears(100);
                report.change("release year after " + LAST_PLAUSIBLE_YEAR + " (two-digit year in the wrong century): 100 years taken off",
                        title + " " + date + " -> " + repaired);
                date = repaired;
            }
            Double imdb = number(row, "IMDB Rating");
            Integer votes = integer(row, "IMDB Votes");
            if (titleCounts.get(title) > 1 && (imdb != null || votes != null)) {
                report.change("title shared by several films whose IMDB values are identical (joined by title): IMDB cleared",
                        title + " (" + date.getYear() + ")");
                imdb = null;
                votes = null;
            }
            String genre = text(row, "Major Genre");
            Integer rotten = integer(row, "Rotten Tomatoes Rating");
            if (genre == null) {
                report.drop("no Major Genre", title + " (" + date.getYear() + ")");
                continue;
            }
            if (imdb == null && rotten == null) {
                report.drop("neither an IMDB nor a Rotten Tomatoes score", title + " (" + date.getYear() + ")");
                continue;
            }
            report.kept();
            films.add(new Film(films.size() + 1, title, date.getYear(), date.toString(), genre, text(row, "Creative Type"),
                    text(row, "Source"), text(row, "Director"), text(row, "Distributor"), text(row, "MPAA Rating"),
                    integer(row, "Running Time min"), money(row, "Production Budget", title), money(row, "US Gross", title),
                    money(row, "Worldwide Gross", title), money(row, "US DVD Sales", title), rotten, imdb, votes));
        }
        return films;
    }

    private Long money(JsonObject row, String field, String title) {
        JsonElement value = row.get(field);
        if (value == null || value.isJsonNull()) {
            return null;
        }
        long amount = value.getAsLong();
        if (amount <= 0) {
            report.change(field + " of 0 or less: recorded as unknown", title);
            return null;
        }
        return amount;
    }

    private static String text(JsonObject row, String field) {
        JsonElement value = row.get(field);
        return value == null || value.isJsonNull() ? null : value.getAsString().strip();
    }

    private static Double number(JsonObject row, String field) {
        JsonElement value = row.get(field);
        return value == null || value.isJsonNull() ? null : value.getAsDouble();
    }

    private static Integer integer(JsonObject row, String field) {
        JsonElement value = row.get(field);
        return value == null || value.isJsonNull() ? null : (int) Math.round(value.getAsDouble());
    }
}
