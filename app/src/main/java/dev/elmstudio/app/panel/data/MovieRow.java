package dev.elmstudio.app.panel.data;

import dev.elmstudio.engine.data.Movie;
import dev.elmstudio.engine.data.MovieLensDataset;
import dev.elmstudio.engine.data.Ratings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One row of the entity table: a movie with what the table shows and the map can colour by.
 *
 * @param genres joined with ", " for display; {@code firstGenre} is what the map colours by (null when none)
 * @param meanRating NaN for a movie without ratings
 * @param searchKey lower-case title, year and genres, built once so filtering as the user types is a
 *     plain {@code contains} per row
 */
public record MovieRow(int id, String title, int year, String genres, String firstGenre, int ratingCount,
        double meanRating, String searchKey) {

    public static MovieRow of(Movie movie, int ratingCount, double meanRating) {
        String genres = String.join(", ", movie.genres());
        String key = (movie.title() + " " + (movie.year() > 0 ? movie.year() : "") + " " + genres).toLowerCase(Locale.ROOT);
        return new MovieRow(movie.id(), movie.title(), movie.year(), genres,
                movie.genres().isEmpty() ? null : movie.genres().get(0), ratingCount, meanRating, key);
    }

    public String displayTitle() {
        return year > 0 ? title + " (" + year + ")" : title;
    }

    /** Every movie of the catalogue with its rating count and mean, in catalogue order. */
    public static List<MovieRow> of(MovieLensDataset data) {
        Ratings ratings = data.ratings();
        Map<Integer, Integer> movieIndex = new HashMap<>();
        for (int m = 0; m < ratings.movieCount(); m++) {
            movieIndex.put(ratings.movieId(m), m);
        }
        int[] counts = new int[ratings.movieCount()];
        double[] sums = new double[ratings.movieCount()];
        int[] movieColumn = ratings.movieIndexColumn();
        float[] values = ratings.valueColumn();
        for (int row = 0; row < ratings.size(); row++) {
            counts[movieColumn[row]]++;
            sums[movieColumn[row]] += values[row];
        }
        List<MovieRow> rows = new ArrayList<>(data.catalogue().size());
        for (Movie movie : data.catalogue().movies()) {
            Integer m = movieIndex.get(movie.id());
            int count = m == null ? 0 : counts[m];
            rows.add(of(movie, count, count == 0 ? Double.NaN : sums[m] / count));
        }
        return rows;
    }
}
