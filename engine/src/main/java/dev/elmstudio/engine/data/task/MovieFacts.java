package dev.elmstudio.engine.data.task;

import dev.elmstudio.engine.data.Movie;
import dev.elmstudio.engine.data.demo.Film;
import java.util.List;

/**
 * What task targets may say about a movie: only facts the data holds. MovieLens gives title, year
 * and genres; the demo catalogue adds director, acclaim, budget and more. Unknown values are null.
 *
 * @param acclaim 0..1 (IMDB and Rotten Tomatoes), or null
 */
public record MovieFacts(int id, String title, int year, List<String> genres, String director, String creativeType,
        String source, String mpaaRating, Integer runningTimeMin, Long budget, Long worldwideGross, Double acclaim) {

    public MovieFacts {
        genres = List.copyOf(genres);
    }

    public static MovieFacts of(Movie movie) {
        return new MovieFacts(movie.id(), movie.title(), movie.year(), movie.genres(), null, null, null, null, null, null,
                null, null);
    }

    public static MovieFacts of(Film film) {
        return new MovieFacts(film.id(), film.title(), film.year(), List.of(film.genre()), film.director(),
                film.creativeType(), film.source(), film.mpaaRating(), film.runningTimeMin(), film.productionBudget(),
                film.worldwideGross(), film.acclaim());
    }

    public String titleWithYear() {
        return year > 0 ? title + " (" + year + ")" : title;
    }

    /** "comedy", "action and adventure"; "film" when no genre is known. */
    public String genrePhrase() {
        if (genres.isEmpty()) {
            return "film";
        }
        List<String> lower = genres.stream().map(g -> g.toLowerCase(java.util.Locale.ROOT)).toList();
        return lower.size() == 1 ? lower.get(0) : String.join(", ", lower.subList(0, lower.size() - 1)) + " and " + lower.get(lower.size() - 1);
    }
}
