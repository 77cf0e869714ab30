package dev.elmstudio.engine.data;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Readers for ml-100k: u.data (tab-separated), u.item and u.user ('|'-separated, Latin-1, no quoting). */
final class Ml100kFiles {
    /** The order of u.item's 19 genre flags (u.genre). */
    static final List<String> GENRES = List.of("unknown", "Action", "Adventure", "Animation", "Children's", "Comedy",
            "Crime", "Documentary", "Drama", "Fantasy", "Film-Noir", "Horror", "Musical", "Mystery", "Romance",
            "Sci-Fi", "Thriller", "War", "Western");
    private static final int FIRST_GENRE_FIELD = 5;

    private final ImportListener listener;

    Ml100kFiles(ImportListener listener) {
        this.listener = listener;
    }

    Catalogue readItems(Path file) {
        String[] names = new String[FIRST_GENRE_FIELD + GENRES.size()];
        String[] leading = {"movie id", "movie title", "release date", "video release date", "IMDb URL"};
        System.arraycopy(leading, 0, names, 0, leading.length);
        for (int g = 0; g < GENRES.size(); g++) {
            names[FIRST_GENRE_FIELD + g] = "genre " + GENRES.get(g);
        }
        List<Movie> movies = new ArrayList<>();
        try (DelimitedFileReader in = new DelimitedFileReader(file, StandardCharsets.ISO_8859_1, '|', false, listener, names)) {
            IdIndex seen = new IdIndex();
            while (in.next()) {
                in.requireFields(names.length);
                int id = in.integer(0);
                if (seen.indexOf(id) >= 0) {
                    throw in.malformed(0, "movie " + id + " appears twice");
                }
                seen.indexOrAdd(id);
                List<String> genres = new ArrayList<>();
                for (int g = 0; g < GENRES.size(); g++) {
                    String flag = in.string(FIRST_GENRE_FIELD + g);
                    if (!flag.equals("0") && !flag.equals("1")) {
                        throw in.malformed(FIRST_GENRE_FIELD + g, "'" + flag + "' is not a 0/1 genre flag");
                    }
                    if (flag.equals("1") && g > 0) {
                        genres.add(GENRES.get(g));
                    }
                }
                String title = in.string(1).isBlank() ? "unknown" : in.string(1);
                Movie movie = MovieTitles.parse(id, title, genres);
                if (movie.year() == 0) {
                    movie = new Movie(id, movie.title(), yearOfReleaseDate(in.string(2)), genres);
                }
                movies.add(movie);
            }
        }
        return new Catalogue(movies);
    }

    Ratings readData(Path file, Catalogue movies) {
        IdIndex known = IdIndex.of(movies.movies().stream().mapToInt(Movie::id).toArray());
        RatingColumnsBuilder columns = new RatingColumnsBuilder(100_000);
        try (DelimitedFileReader in = new DelimitedFileReader(file, StandardCharsets.ISO_8859_1, '\t', false, listener,
                "user id", "item id", "rating", "timestamp")) {
            while (in.next()) {
                in.requireFields(4);
                int user = in.integer(0);
                int movie = in.integer(1);
                if (known.indexOf(movie) < 0) {
                    throw in.malformed(1, "item " + movie + " is not in u.item");
                }
                columns.add(user, movie, RatingValues.check(in, 2), RatingValues.timestamp(in, 3));
            }
        }
        return columns.build();
    }

    List<UserProfile> readUsers(Path file) {
        List<UserProfile> users = new ArrayList<>();
        try (DelimitedFileReader in = new DelimitedFileReader(file, StandardCharsets.ISO_8859_1, '|', false, listener,
                "user id", "age", "gender", "occupation", "zip code")) {
            while (in.next()) {
                in.requireFields(5);
                users.add(new UserProfile(in.integer(0), in.integer(1), in.string(2), in.string(3), in.string(4)));
            }
        }
        return users;
    }

    /** "01-Jan-1995" → 1995; 0 when empty. */
    private static int yearOfReleaseDate(String date) {
        int dash = date.lastIndexOf('-');
        if (dash < 0 || date.length() - dash != 5) {
            return 0;
        }
        try {
            return Integer.parseInt(date.substring(dash + 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
