package dev.elmstudio.app.panel.data;

import dev.elmstudio.app.ui.map.MapColouring;
import java.util.function.ToDoubleFunction;

/** What the map can colour its points by; each option builds the colouring from the points' table rows. */
public enum MapColourOption {
    GENRE("genre (first listed)"),
    YEAR("year"),
    RATING_COUNT("rating count (log10)"),
    MEAN_RATING("mean rating");

    private final String label;

    MapColourOption(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }

    /** {@code rows[i]} is point i's movie, or null for an entity that is not a movie. */
    public MapColouring colouring(MovieRow[] rows) {
        return switch (this) {
            case GENRE -> {
                String[] categories = new String[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    categories[i] = rows[i] == null ? null : rows[i].firstGenre();
                }
                yield new MapColouring.Categorical("genre", categories);
            }
            case YEAR -> numeric("year", rows, row -> row.year() > 0 ? row.year() : Double.NaN);
            case RATING_COUNT -> numeric("log10 rating count", rows, row -> Math.log10(1 + row.ratingCount()));
            case MEAN_RATING -> numeric("mean rating", rows, MovieRow::meanRating);
        };
    }

    private static MapColouring numeric(String name, MovieRow[] rows, ToDoubleFunction<MovieRow> value) {
        double[] values = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            values[i] = rows[i] == null ? Double.NaN : value.applyAsDouble(rows[i]);
        }
        return new MapColouring.Numeric(name, values);
    }
}
