package dev.elmstudio.engine.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Imports a MovieLens download: the CSV releases (ml-latest-small, ml-latest, ml-25m: movies.csv,
 * ratings.csv, optional tags.csv, links.csv, genome-scores.csv + genome-tags.csv) and ml-100k
 * (u.data, u.item, optional u.user).
 *
 * <p>Everything is read into private structures and returned only when every file was read: a
 * malformed row or a cancel throws and leaves nothing behind. Callers that persist the result do
 * so from the returned value (write to a temporary folder, then rename).
 */
public final class MovieLensImporter {

    /**
     * @param minRatingsPerMovie movies with fewer ratings are dropped (the paper keeps ≥ 5)
     */
    public record Options(int minRatingsPerMovie) {
        public Options {
            if (minRatingsPerMovie < 1) {
                throw new IllegalArgumentException("minRatingsPerMovie must be >= 1, got " + minRatingsPerMovie);
            }
        }

        public static Options defaults() {
            return new Options(5);
        }
    }

    /** Which MovieLens release a folder holds. */
    public enum Layout { CSV_RELEASE, ML_100K }

    private final Options options;
    private final ImportListener listener;

    public MovieLensImporter(Options options, ImportListener listener) {
        this.options = options;
        this.listener = listener == null ? ImportListener.NONE : listener;
    }

    public MovieLensImporter() {
        this(Options.defaults(), ImportListener.NONE);
    }

    /** Detects the layout of {@code folder}; fails naming the files it looked for. */
    public static Layout detect(Path folder) {
        if (Files.isRegularFile(folder.resolve("ratings.csv")) && Files.isRegularFile(folder.resolve("movies.csv"))) {
            return Layout.CSV_RELEASE;
        }
        if (Files.isRegularFile(folder.resolve("u.data")) && Files.isRegularFile(folder.resolve("u.item"))) {
            return Layout.ML_100K;
        }
        throw new IllegalArgumentException(folder + " is not a MovieLens folder: expected movies.csv and ratings.csv "
                + "(ml-latest-small, ml-25m) or u.data and u.item (ml-100k)");
    }

    public MovieLensDataset importFolder(Path folder) {
        return switch (detect(folder)) {
            case CSV_RELEASE -> importCsvRelease(folder);
            case ML_100K -> import100k(folder);
        };
    }

    private MovieLensDataset importCsvRelease(Path folder) {
        CsvReleaseFiles files = new CsvReleaseFiles(listener);
        Catalogue all = files.readMovies(folder.resolve("movies.csv"));
        Ratings ratings = files.readRatings(folder.resolve("ratings.csv"), all);
        Ratings kept = ratings.withMinRatingsPerMovie(options.minRatingsPerMovie());
        IdIndex keptMovies = IdIndex.of(kept.movieIds());
        Path tags = folder.resolve("tags.csv");
        Path links = folder.resolve("links.csv");
        Path genomeScores = folder.resolve("genome-scores.csv");
        Path genomeTags = folder.resolve("genome-tags.csv");
        UserTags userTags = Files.isRegularFile(tags) ? files.readTags(tags, keptMovies) : UserTags.empty();
        List<MovieLink> movieLinks = Files.isRegularFile(links) ? files.readLinks(links, keptMovies) : List.of();
        Optional<TagGenome> genome = Optional.empty();
        if (Files.isRegularFile(genomeScores) && Files.isRegularFile(genomeTags)) {
            genome = Optional.of(files.readGenome(genomeTags, genomeScores, keptMovies));
        } else if (Files.isRegularFile(genomeScores) != Files.isRegularFile(genomeTags)) {
            throw new IllegalArgumentException(folder + ": genome-scores.csv and genome-tags.csv come together; one is missing");
        }
        return new MovieLensDataset(all.restrictedTo(kept.movieIds()), kept, userTags, movieLinks, genome, List.of(),
                all.size() - kept.movieCount());
    }

    private MovieLensDataset import100k(Path folder) {
        Ml100kFiles files = new Ml100kFiles(listener);
        Catalogue all = files.readItems(folder.resolve("u.item"));
        Ratings ratings = files.readData(folder.resolve("u.data"), all);
        Ratings kept = ratings.withMinRatingsPerMovie(options.minRatingsPerMovie());
        Path users = folder.resolve("u.user");
        List<UserProfile> profiles = Files.isRegularFile(users) ? files.readUsers(users) : List.of();
        return new MovieLensDataset(all.restrictedTo(kept.movieIds()), kept, UserTags.empty(), List.of(),
                Optional.empty(), profiles, all.size() - kept.movieCount());
    }
}
