package dev.elmstudio.app.testing;

import dev.elmstudio.app.cli.ElmCli;
import dev.elmstudio.engine.encode.MiniLmEncoder;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;

/**
 * A workspace with a really trained tiny ELM to explore, built through the {@code elm} commands as a user would:
 * a MovieLens-format dataset of {@value #MOVIES} films in four genres, their semantic space (all-MiniLM-L6-v2 on
 * a one-line description each, so SC is real), one "summary" task per film and a two-stage ELM run on that space.
 * Nothing is committed: everything is written under the given folder in a few seconds.
 */
public final class TinyElmWorkspace {
    public static final int MOVIES = 12;
    public static final String[] GENRES = {"Drama", "Comedy", "Horror", "Western"};
    private static final String[] MOODS = {"a quiet family story", "a silly romantic farce", "a dark haunted house",
        "a dusty frontier showdown"};

    private TinyElmWorkspace() {}

    /** Builds the workspace in {@code parent}/ws and returns it; the run is run 1. */
    public static Path build(Path parent) throws IOException {
        Path workspace = parent.resolve("ws");
        Path movieLens = Files.createDirectories(parent.resolve("ml-explore"));
        StringBuilder movies = new StringBuilder("movieId,title,genres\n");
        StringBuilder ratings = new StringBuilder("userId,movieId,rating,timestamp\n");
        StringBuilder tasks = new StringBuilder();
        List<String> descriptions = new ArrayList<>();
        for (int m = 1; m <= MOVIES; m++) {
            String genre = genre(m);
            movies.append(m).append(",Film ").append(m).append(" (19").append(50 + m).append("),").append(genre).append('\n');
            descriptions.add(genre + " film: " + MOODS[m % GENRES.length] + " number " + m);
            tasks.append("{\"task\":\"summary\",\"slots\":{\"movie\":").append(m)
                    .append("},\"prompt\":\"Describe {movie}.\",\"target\":\"")
                    .append(MOODS[m % GENRES.length]).append(", a ").append(genre.toLowerCase(Locale.ROOT))
                    .append(" film\"}\n");
        }
        for (int u = 1; u <= 5; u++) {
            for (int m = 1; m <= MOVIES; m++) {
                ratings.append(u).append(',').append(m).append(',').append(1 + (u * m) % 5).append(".0,")
                        .append(1_000_000 + u * 100 + m).append('\n');
            }
        }
        Files.writeString(movieLens.resolve("movies.csv"), movies);
        Files.writeString(movieLens.resolve("ratings.csv"), ratings);
        Path tasksFile = Files.writeString(parent.resolve("tasks.jsonl"), tasks);
        List<float[]> vectors = new MiniLmEncoder().encode(descriptions);
        StringBuilder csv = new StringBuilder("id");
        for (int k = 0; k < MiniLmEncoder.DIMENSION; k++) {
            csv.append(",x").append(k);
        }
        csv.append('\n');
        for (int m = 1; m <= MOVIES; m++) {
            csv.append(m);
            for (float x : vectors.get(m - 1)) {
                csv.append(',').append(x);
            }
            csv.append('\n');
        }
        Path semantic = Files.writeString(parent.resolve("semantic.csv"), csv);
        String ws = workspace.toString();
        elm("import", "movielens", movieLens.toString(), "--name", "tiny", "-w", ws);
        elm("import", "embeddings", semantic.toString(), "--dataset", "tiny", "--name", "semantic", "--kind", "semantic",
                "-w", ws);
        elm("import", "tasks", tasksFile.toString(), "--dataset", "tiny", "-w", ws);
        elm("train", "--dataset", "tiny", "--space", "semantic", "--stage1-steps", "40", "--stage2-steps", "120", "--stage1-lr", "0.003", "--stage2-lr", "0.003",
                "--batch", "4", "--checkpoint-interval", "0", "--width", "32", "--layers", "1", "--context", "96",
                "-w", ws);
        return workspace;
    }

    public static String genre(int movie) {
        return GENRES[movie % GENRES.length];
    }

    private static void elm(String... args) {
        CommandLine commandLine = ElmCli.newCommandLine();
        StringWriter out = new StringWriter();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(out));
        int exit = commandLine.execute(args);
        if (exit != 0) {
            throw new IllegalStateException("elm " + String.join(" ", args) + " failed (exit " + exit + "):\n" + out);
        }
    }
}
