package dev.elmstudio.engine.data;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits MovieLens titles such as "Toy Story (1995)" into the title and the year. */
final class MovieTitles {
    // A trailing "(1995)" or a series' "(1975-1979)" / "(2006–)"; anything else is part of the title.
    private static final Pattern TRAILING_YEAR = Pattern.compile("^(.*?)\\s*\\((\\d{4})(?:\\s*[-–]\\s*\\d{0,4})?\\)\\s*$");

    private MovieTitles() {
    }

    /** Title and year, year 0 when the title carries none ("Hyena Road", "Babylon 5"). */
    static Movie parse(int id, String fullTitle, java.util.List<String> genres) {
        String trimmed = fullTitle.strip();
        Matcher m = TRAILING_YEAR.matcher(trimmed);
        if (m.matches() && !m.group(1).isBlank()) {
            return new Movie(id, m.group(1), Integer.parseInt(m.group(2)), genres);
        }
        return new Movie(id, trimmed, 0, genres);
    }
}
