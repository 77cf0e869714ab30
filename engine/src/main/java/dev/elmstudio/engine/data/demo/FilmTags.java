package dev.elmstudio.engine.data.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Tags a viewer might put on a film, read off its real metadata, so CAVs trained on the demo's
 * tags find directions that mean something ("funny" from comedies, "visually stunning" from big
 * budgets, "masterpiece" from acclaim).
 */
final class FilmTags {
    private static final Map<String, List<String>> BY_GENRE = Map.ofEntries(
            Map.entry("Comedy", List.of("funny", "hilarious")),
            Map.entry("Black Comedy", List.of("dark comedy", "funny")),
            Map.entry("Romantic Comedy", List.of("romantic", "feel-good", "funny")),
            Map.entry("Horror", List.of("scary", "terrifying")),
            Map.entry("Action", List.of("action filled", "explosions")),
            Map.entry("Adventure", List.of("adventure", "epic")),
            Map.entry("Drama", List.of("thought-provoking", "emotional")),
            Map.entry("Thriller/Suspense", List.of("suspenseful", "twist ending")),
            Map.entry("Musical", List.of("great soundtrack", "musical")),
            Map.entry("Concert/Performance", List.of("great soundtrack", "concert")),
            Map.entry("Documentary", List.of("informative", "documentary")),
            Map.entry("Western", List.of("western", "gunfights")));
    private static final Map<String, String> BY_CREATIVE_TYPE = Map.of(
            "Science Fiction", "sci-fi", "Fantasy", "fantasy", "Super Hero", "superhero", "Kids Fiction", "family",
            "Historical Fiction", "historical", "Dramatization", "based on a true story", "Factual", "realistic");
    private static final Map<String, String> BY_SOURCE = Map.of(
            "Based on Book/Short Story", "based on a book", "Remake", "remake", "Based on Comic/Graphic Novel", "comic book",
            "Based on Real Life Events", "based on a true story", "Based on TV", "based on a tv show");

    private FilmTags() {
    }

    /** Candidate tags for a film; {@code rating} lets praise and scorn follow the viewer's opinion. */
    static List<String> candidates(Film film, double rating) {
        List<String> tags = new ArrayList<>(BY_GENRE.getOrDefault(film.genre(), List.of()));
        if (film.creativeType() != null && BY_CREATIVE_TYPE.containsKey(film.creativeType())) {
            tags.add(BY_CREATIVE_TYPE.get(film.creativeType()));
        }
        if (film.source() != null && BY_SOURCE.containsKey(film.source())) {
            tags.add(BY_SOURCE.get(film.source()));
        }
        if (film.productionBudget() != null && film.productionBudget() >= 100_000_000L) {
            tags.add("visually stunning");
            tags.add("blockbuster");
        }
        if (film.productionBudget() != null && film.productionBudget() < 5_000_000L) {
            tags.add("indie");
        }
        if (film.year() < 1970) {
            tags.add("classic");
        }
        if ("R".equals(film.mpaaRating()) && ("Action".equals(film.genre()) || "Horror".equals(film.genre()))) {
            tags.add("violent");
        }
        if (film.acclaim() >= 0.8 && rating >= 4) {
            tags.add("masterpiece");
        }
        if (film.acclaim() >= 0.75 && rating <= 2) {
            tags.add("overrated");
        }
        if (rating <= 1.5) {
            tags.add("boring");
        }
        return tags;
    }
}
