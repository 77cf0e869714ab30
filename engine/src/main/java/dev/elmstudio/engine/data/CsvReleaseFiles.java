package dev.elmstudio.engine.data;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Readers for the files of MovieLens' CSV releases (ml-latest-small, ml-25m): UTF-8, quoted fields. */
final class CsvReleaseFiles {
    private static final String NO_GENRES = "(no genres listed)";
    // ratings.csv lines average ~26 bytes in ml-25m; used to size the columns up front.
    private static final int BYTES_PER_RATING_GUESS = 24;

    private final ImportListener listener;

    CsvReleaseFiles(ImportListener listener) {
        this.listener = listener;
    }

    Catalogue readMovies(Path file) {
        List<Movie> movies = new ArrayList<>();
        try (DelimitedFileReader in = open(file, "movieId", "title", "genres")) {
            in.skipHeader();
            IdIndex seen = new IdIndex();
            while (in.next()) {
                in.requireFields(3);
                int id = in.integer(0);
                if (seen.indexOf(id) >= 0) {
                    throw in.malformed(0, "movie " + id + " appears twice");
                }
                seen.indexOrAdd(id);
                String title = in.string(1);
                if (title.isBlank()) {
                    throw in.malformed(1, "is empty");
                }
                String genres = in.string(2);
                List<String> genreList = genres.isBlank() || genres.equals(NO_GENRES) ? List.of() : List.of(genres.split("\\|"));
                movies.add(MovieTitles.parse(id, title, genreList));
            }
        }
        return new Catalogue(movies);
    }

    Ratings readRatings(Path file, Catalogue movies) {
        try (DelimitedFileReader in = open(file, "userId", "movieId", "rating", "timestamp")) {
            RatingColumnsBuilder columns = new RatingColumnsBuilder(sizeOf(file) / BYTES_PER_RATING_GUESS);
            in.skipHeader();
            IdIndex known = IdIndex.of(movies.movies().stream().mapToInt(Movie::id).toArray());
            while (in.next()) {
                in.requireFields(4);
                int user = in.integer(0);
                int movie = in.integer(1);
                if (known.indexOf(movie) < 0) {
                    throw in.malformed(1, "movie " + movie + " is not in movies.csv");
                }
                columns.add(user, movie, RatingValues.check(in, 2), RatingValues.timestamp(in, 3));
            }
            return columns.build();
        }
    }

    UserTags readTags(Path file, IdIndex keptMovies) {
        IntList users = new IntList();
        IntList movies = new IntList();
        IntList tags = new IntList();
        Map<String, Integer> vocabulary = new HashMap<>();
        List<String> words = new ArrayList<>();
        try (DelimitedFileReader in = open(file, "userId", "movieId", "tag", "timestamp")) {
            in.skipHeader();
            while (in.next()) {
                in.requireFields(4);
                int user = in.integer(0);
                int movie = in.integer(1);
                String tag = in.string(2).strip();
                RatingValues.timestamp(in, 3);
                if (keptMovies.indexOf(movie) < 0 || tag.isEmpty()) {
                    continue; // tags on dropped movies would point at nothing
                }
                Integer index = vocabulary.get(tag);
                if (index == null) {
                    index = words.size();
                    vocabulary.put(tag, index);
                    words.add(tag);
                }
                users.add(user);
                movies.add(movie);
                tags.add(index);
            }
        }
        return new UserTags(users.toArray(), movies.toArray(), tags.toArray(), words);
    }

    List<MovieLink> readLinks(Path file, IdIndex keptMovies) {
        List<MovieLink> links = new ArrayList<>();
        try (DelimitedFileReader in = open(file, "movieId", "imdbId", "tmdbId")) {
            in.skipHeader();
            while (in.next()) {
                in.requireFields(3);
                int movie = in.integer(0);
                if (keptMovies.indexOf(movie) >= 0) {
                    links.add(new MovieLink(movie, in.integerOrZero(1), in.integerOrZero(2)));
                }
            }
        }
        return links;
    }

    TagGenome readGenome(Path tagsFile, Path scoresFile, IdIndex keptMovies) {
        List<String> tagNames = new ArrayList<>();
        IdIndex tagIds = new IdIndex();
        try (DelimitedFileReader in = open(tagsFile, "tagId", "tag")) {
            in.skipHeader();
            while (in.next()) {
                in.requireFields(2);
                int id = in.integer(0);
                if (tagIds.indexOf(id) >= 0) {
                    throw in.malformed(0, "tag " + id + " appears twice");
                }
                tagIds.indexOrAdd(id);
                tagNames.add(in.string(1));
            }
        }
        int tagCount = tagNames.size();
        IdIndex genomeMovies = new IdIndex();
        FloatList scores = new FloatList(1 << 20);
        try (DelimitedFileReader in = open(scoresFile, "movieId", "tagId", "relevance")) {
            in.skipHeader();
            while (in.next()) {
                in.requireFields(3);
                int movie = in.integer(0);
                int tag = tagIds.indexOf(in.integer(1));
                if (tag < 0) {
                    throw in.malformed(1, "tag " + in.string(1) + " is not in genome-tags.csv");
                }
                float relevance = in.decimal(2);
                if (relevance < 0 || relevance > 1) {
                    throw in.malformed(2, "relevance " + relevance + " is outside 0..1");
                }
                if (keptMovies.indexOf(movie) < 0) {
                    continue;
                }
                int row = genomeMovies.indexOrAdd(movie);
                while (scores.size() < (row + 1) * tagCount) {
                    scores.add(Float.NaN);
                }
                // Rows come sorted by movie then tag, but nothing here relies on that order.
                scores.set(row * tagCount + tag, relevance);
            }
        }
        float[] matrix = scores.toArray();
        for (int i = 0; i < matrix.length; i++) {
            if (Float.isNaN(matrix[i])) {
                throw new MalformedDataException(scoresFile.getFileName().toString(), 0, "relevance", "movie "
                        + genomeMovies.idAt(i / tagCount) + " has no score for tag '" + tagNames.get(i % tagCount) + "'");
            }
        }
        return new TagGenome(tagNames, genomeMovies.ids(), matrix);
    }

    private DelimitedFileReader open(Path file, String... fields) {
        return new DelimitedFileReader(file, StandardCharsets.UTF_8, ',', true, listener, fields);
    }

    /** Only a hint for sizing columns, so an unreadable size just means "start small". */
    private static long sizeOf(Path file) {
        try {
            return java.nio.file.Files.size(file);
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
