package dev.elmstudio.engine.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The movies of a dataset, in file order, looked up by id. */
public final class Catalogue {
    private final List<Movie> movies;
    private final Map<Integer, Movie> byId;

    public Catalogue(List<Movie> movies) {
        this.movies = List.copyOf(movies);
        this.byId = new HashMap<>(movies.size() * 2);
        for (Movie movie : movies) {
            if (byId.put(movie.id(), movie) != null) {
                throw new IllegalArgumentException("duplicate movie id " + movie.id());
            }
        }
    }

    public List<Movie> movies() {
        return movies;
    }

    public int size() {
        return movies.size();
    }

    public Optional<Movie> byId(int id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The movies whose ids are in {@code ids}, in catalogue order. */
    public Catalogue restrictedTo(int[] ids) {
        IdIndex keep = IdIndex.of(ids);
        List<Movie> kept = new ArrayList<>();
        for (Movie movie : movies) {
            if (keep.indexOf(movie.id()) >= 0) {
                kept.add(movie);
            }
        }
        return new Catalogue(kept);
    }
}
