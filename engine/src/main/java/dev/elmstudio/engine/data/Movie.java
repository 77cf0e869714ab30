package dev.elmstudio.engine.data;

import java.util.List;

/**
 * A catalogue entry.
 *
 * @param id the source's movie id
 * @param title the title without the trailing year ("Toy Story")
 * @param year release year, or 0 when the source gives none
 * @param genres genre names; empty for MovieLens' "(no genres listed)"
 */
public record Movie(int id, String title, int year, List<String> genres) {
    public Movie {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("movie " + id + " has no title");
        }
        genres = List.copyOf(genres);
    }

    /** "Toy Story (1995)", or the bare title when the year is unknown. */
    public String displayTitle() {
        return year > 0 ? title + " (" + year + ")" : title;
    }
}
