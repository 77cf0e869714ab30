package dev.elmstudio.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Tiny inputs written by the tests themselves (no MovieLens data is committed): a MovieLens-format folder of
 * {@value #MOVIES} movies rated by {@value #USERS} users, 4-dimensional vectors for them, and one task per movie.
 */
public final class ElmFixtures {
    public static final int MOVIES = 8;
    public static final int USERS = 6;
    static final int DIMENSION = 4;
    private static final String[] GENRES = {"Drama", "Comedy", "Horror", "Western"};

    private ElmFixtures() {}

    /** movies.csv and ratings.csv: every user rates every movie, so none is dropped. */
    static Path movieLensFolder(Path parent) throws IOException {
        Path folder = Files.createDirectories(parent.resolve("ml-tiny"));
        StringBuilder movies = new StringBuilder("movieId,title,genres\n");
        for (int m = 1; m <= MOVIES; m++) {
            movies.append(m).append(",Film ").append(m).append(" (199").append(m % 10).append("),")
                    .append(GENRES[m % GENRES.length]).append('\n');
        }
        StringBuilder ratings = new StringBuilder("userId,movieId,rating,timestamp\n");
        for (int u = 1; u <= USERS; u++) {
            for (int m = 1; m <= MOVIES; m++) {
                ratings.append(u).append(',').append(m).append(',').append(1 + (u * m) % 5).append(".0,")
                        .append(1_000_000 + u * 100 + m).append('\n');
            }
        }
        Files.writeString(folder.resolve("movies.csv"), movies);
        Files.writeString(folder.resolve("ratings.csv"), ratings);
        return folder;
    }

    /** One-hot-ish vectors: the genre's axis is large, so movies of a genre sit together. */
    static Path embeddingsCsv(Path parent) throws IOException {
        StringBuilder csv = new StringBuilder("id,x0,x1,x2,x3\n");
        for (int m = 1; m <= MOVIES; m++) {
            csv.append(m);
            for (int k = 0; k < DIMENSION; k++) {
                csv.append(',').append(String.format(Locale.ROOT, "%.3f", k == m % GENRES.length ? 1.0 : 0.1 * m));
            }
            csv.append('\n');
        }
        Path file = parent.resolve("vectors.csv");
        Files.writeString(file, csv);
        return file;
    }

    /** One "summary" task per movie whose target names its genre. */
    static Path tasksJsonl(Path parent) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (int m = 1; m <= MOVIES; m++) {
            lines.append("{\"task\":\"summary\",\"slots\":{\"movie\":").append(m)
                    .append("},\"prompt\":\"Describe {movie}.\",\"target\":\"a ")
                    .append(GENRES[m % GENRES.length].toLowerCase(Locale.ROOT)).append(" film\"}\n");
        }
        Path file = parent.resolve("tasks.jsonl");
        Files.writeString(file, lines);
        return file;
    }

    /** A workspace holding dataset "tiny" with space "vectors" and its tasks. */
    static Path preparedWorkspace(Path parent) throws IOException {
        return importInto(parent.resolve("ws"), parent);
    }

    /**
     * Imports dataset "tiny" (space "vectors", one "summary" task per movie) into {@code workspace} through the
     * CLI's own commands, in this process; the source files are written under {@code scratch}.
     */
    public static Path importInto(Path workspace, Path scratch) throws IOException {
        ok("import", "movielens", movieLensFolder(scratch).toString(), "--name", "tiny", "-w", workspace.toString());
        ok("import", "embeddings", embeddingsCsv(scratch).toString(), "--dataset", "tiny", "--name", "vectors",
                "-w", workspace.toString());
        ok("import", "tasks", tasksJsonl(scratch).toString(), "--dataset", "tiny", "-w", workspace.toString());
        return workspace;
    }

    /** Runs an {@code elm} command in this process and fails the test unless it succeeds. */
    public static void command(String... args) {
        ok(args);
    }

    static CliRun ok(String... args) {
        CliRun run = CliRun.execute(args);
        assertEquals(0, run.exitCode(), run::toString);
        return run;
    }

    /**
     * elm.db's SHA-256 and every file's path and size: equal before and after a refused command means it changed
     * nothing. WAL side files are left out: SQLite creates and removes them on every open.
     */
    static String fingerprint(Path workspace) throws Exception {
        StringBuilder text = new StringBuilder();
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(workspace.resolve("elm.db"))) {
            text.append(HexFormat.of().formatHex(sha.digest(in.readAllBytes()))).append('\n');
        }
        try (Stream<Path> walk = Files.walk(workspace)) {
            List<Path> files = walk.filter(p -> !p.getFileName().toString().matches("elm\\.db-(wal|shm)"))
                    .sorted().toList();
            for (Path file : files) {
                text.append(workspace.relativize(file)).append(' ')
                        .append(Files.isDirectory(file) ? "dir" : Files.size(file)).append('\n');
            }
        }
        return text.toString();
    }
}
