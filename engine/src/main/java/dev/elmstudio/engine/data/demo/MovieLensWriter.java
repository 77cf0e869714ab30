package dev.elmstudio.engine.data.demo;

import dev.elmstudio.engine.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes the demo world in MovieLens' CSV release format (movies.csv, ratings.csv, tags.csv), so
 * that it goes through the very importer users run on real MovieLens downloads.
 */
public final class MovieLensWriter {
    private MovieLensWriter() {
    }

    public static void write(List<Film> films, SimulatedAudience.Activity activity, Path folder) throws IOException {
        StringBuilder movies = new StringBuilder("movieId,title,genres\n");
        for (Film film : films) {
            movies.append(film.id()).append(',').append(quote(film.title() + " (" + film.year() + ")")).append(',')
                    .append(quote(String.join("|", movieLensGenres(film)))).append('\n');
        }
        StringBuilder ratings = new StringBuilder("userId,movieId,rating,timestamp\n");
        for (SimulatedAudience.Rating r : activity.ratings()) {
            ratings.append(r.userId()).append(',').append(r.movieId()).append(',')
                    .append(String.format(Locale.ROOT, "%.1f", r.stars())).append(',').append(r.timestamp()).append('\n');
        }
        StringBuilder tags = new StringBuilder("userId,movieId,tag,timestamp\n");
        for (SimulatedAudience.Tag t : activity.tags()) {
            tags.append(t.userId()).append(',').append(t.movieId()).append(',').append(quote(t.tag())).append(',')
                    .append(t.timestamp()).append('\n');
        }
        AtomicFiles.writeString(folder.resolve("movies.csv"), movies);
        AtomicFiles.writeString(folder.resolve("ratings.csv"), ratings);
        AtomicFiles.writeString(folder.resolve("tags.csv"), tags);
        AtomicFiles.writeString(folder.resolve("README.txt"), "Simulated audience for ELM Studio's demo world.\n"
                + "Films: real, from vega-datasets (BSD-3-Clause). Viewers, ratings and tags: simulated, not real people.\n");
    }

    /** MovieLens-style genre names from the film's genre and creative type. */
    static List<String> movieLensGenres(Film film) {
        java.util.LinkedHashSet<String> genres = new java.util.LinkedHashSet<>();
        switch (film.genre()) {
            case "Thriller/Suspense" -> genres.add("Thriller");
            case "Romantic Comedy" -> {
                genres.add("Comedy");
                genres.add("Romance");
            }
            case "Black Comedy" -> genres.add("Comedy");
            case "Concert/Performance" -> genres.add("Musical");
            default -> genres.add(film.genre());
        }
        if (film.creativeType() != null) {
            switch (film.creativeType()) {
                case "Science Fiction" -> genres.add("Sci-Fi");
                case "Fantasy" -> genres.add("Fantasy");
                case "Kids Fiction" -> genres.add("Children");
                default -> { }
            }
        }
        return List.copyOf(genres);
    }

    static String quote(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
