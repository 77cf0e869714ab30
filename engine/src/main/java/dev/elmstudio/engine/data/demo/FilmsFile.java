package dev.elmstudio.engine.data.demo;

import dev.elmstudio.engine.io.AtomicFiles;
import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo catalogue's own format: {@code films.jsonl}, one {@link Film} per line as JSON with
 * snake_case keys, unknown values left out. Line-oriented so that diffs of the asset stay readable.
 */
public final class FilmsFile {
    /** Where the demo catalogue lives, inside the project's assets. */
    public static final String ASSET_PATH = "assets/demo/films.jsonl";

    private static final Gson GSON = new GsonBuilder()
            .setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES)
            .disableHtmlEscaping()
            .create();

    private FilmsFile() {
    }

    /** Writes atomically (see {@link AtomicFiles}). */
    public static void write(List<Film> films, Path file) throws IOException {
        StringBuilder out = new StringBuilder();
        for (Film film : films) {
            out.append(GSON.toJson(film)).append('\n');
        }
        AtomicFiles.writeString(file, out);
    }

    public static List<Film> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("demo catalogue " + file + " is missing; regenerate it with VegaFilmsConverter");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    public static List<Film> read(InputStream stream, String name) throws IOException {
        List<Film> films = new ArrayList<>();
        BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
        String line;
        int number = 0;
        while ((line = in.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            try {
                films.add(GSON.fromJson(line, Film.class));
            } catch (JsonParseException | IllegalArgumentException e) {
                throw new IOException(name + " line " + number + ": not a film record (" + e.getMessage() + ")", e);
            }
        }
        return films;
    }
}
