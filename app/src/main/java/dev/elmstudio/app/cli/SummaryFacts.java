package dev.elmstudio.app.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The facts a demo summary states, read back from its text: "Heat (1995) is a action film directed by …. It was
 * widely acclaimed." gives genre "action", reception "widely acclaimed" and year 1995. Each field is null when the text
 * does not say it. Used to score whether a generated summary gets a held-out film's genre, reception and decade
 * right — what the Explore panel's sliders are meant to change.
 */
record SummaryFacts(String genre, String reception, Integer year) {
    private static final Pattern GENRE = Pattern.compile("\\bis an? (.+?) film\\b");
    private static final Pattern RECEPTION = Pattern.compile(
            "\\b(widely acclaimed|well received|met with mixed reviews|poorly received)\\b");
    private static final Pattern YEAR = Pattern.compile("\\((\\d{4})\\)");

    static SummaryFacts of(String text) {
        Matcher genre = GENRE.matcher(text);
        Matcher reception = RECEPTION.matcher(text);
        Matcher year = YEAR.matcher(text);
        return new SummaryFacts(genre.find() ? genre.group(1) : null, reception.find() ? reception.group(1) : null,
                year.find() ? Integer.valueOf(year.group(1)) : null);
    }

    /** 1 when {@code said} states this genre, 0 when not; NaN when this (the reference) states none. */
    double genreMatch(SummaryFacts said) {
        return genre == null ? Double.NaN : genre.equals(said.genre) ? 1 : 0;
    }

    double receptionMatch(SummaryFacts said) {
        return reception == null ? Double.NaN : reception.equals(said.reception) ? 1 : 0;
    }

    double decadeMatch(SummaryFacts said) {
        return year == null ? Double.NaN : said.year != null && year / 10 == said.year / 10 ? 1 : 0;
    }
}
