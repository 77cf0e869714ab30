package dev.elmstudio.engine.data;

import dev.elmstudio.engine.io.AtomicFiles;
import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Saves an imported dataset in a folder so that it opens in a second instead of re-parsing
 * 25M CSV lines: {@code ratings.bin}, {@code tags.bin}, {@code genome.bin} (columns of big-endian
 * ints and floats after a magic word and a {@value #VERSION} version byte) and {@code catalogue.json}
 * (movies, links, users, dropped count). The folder is published atomically: after a failed or
 * cancelled save nothing is left behind, and a previous copy stays intact.
 */
public final class DatasetFiles {
    static final byte VERSION = 1;
    private static final int MAGIC = 0x454C4D44; // "ELMD"
    private static final Gson GSON = new Gson();

    private DatasetFiles() {
    }

    /** Catalogue-sized parts, small enough for JSON. */
    private record CatalogueJson(List<Movie> movies, List<MovieLink> links, List<UserProfile> users, int droppedMovies) { }

    public static void write(MovieLensDataset data, Path folder) throws IOException {
        AtomicFiles.publishFolder(folder, temp -> {
            writeColumns(temp.resolve("ratings.bin"), out -> {
                Ratings r = data.ratings();
                out.writeInt(r.size());
                writeInts(out, r.userIds());
                writeInts(out, r.movieIds());
                writeInts(out, r.userIndexColumn());
                writeInts(out, r.movieIndexColumn());
                writeFloats(out, r.valueColumn());
                int[] times = new int[r.size()];
                for (int i = 0; i < times.length; i++) {
                    times[i] = r.timestamp(i);
                }
                writeInts(out, times);
            });
            writeColumns(temp.resolve("tags.bin"), out -> {
                UserTags t = data.tags();
                writeInts(out, t.userIds());
                writeInts(out, t.movieIds());
                writeInts(out, t.tagIndex());
                writeStrings(out, t.vocabulary());
            });
            if (data.genome().isPresent()) {
                writeColumns(temp.resolve("genome.bin"), out -> {
                    TagGenome g = data.genome().get();
                    writeStrings(out, g.tags());
                    writeInts(out, g.movieIds());
                    writeFloats(out, g.relevance());
                });
            }
            String json = GSON.toJson(new CatalogueJson(data.catalogue().movies(), data.links(), data.users(), data.droppedMovies()));
            Files.writeString(temp.resolve("catalogue.json"), json, StandardCharsets.UTF_8);
        });
    }

    /** Only the movies of a saved dataset: what a view needs to show titles, without loading the ratings. */
    public static Catalogue readCatalogue(Path folder) throws IOException {
        Path catalogueFile = folder.resolve("catalogue.json");
        if (!Files.isRegularFile(catalogueFile)) {
            throw new IOException(folder + " is not a saved dataset: catalogue.json is missing");
        }
        CatalogueJson catalogue = GSON.fromJson(Files.readString(catalogueFile), new TypeToken<CatalogueJson>() { }.getType());
        return new Catalogue(catalogue.movies());
    }

    public static MovieLensDataset read(Path folder) throws IOException {
        Path catalogueFile = folder.resolve("catalogue.json");
        if (!Files.isRegularFile(catalogueFile)) {
            throw new IOException(folder + " is not a saved dataset: catalogue.json is missing");
        }
        CatalogueJson catalogue = GSON.fromJson(Files.readString(catalogueFile), new TypeToken<CatalogueJson>() { }.getType());
        Ratings ratings = readColumns(folder.resolve("ratings.bin"), in -> {
            int n = in.readInt();
            int[] userIds = readInts(in);
            int[] movieIds = readInts(in);
            int[] u = readInts(in);
            int[] m = readInts(in);
            float[] v = readFloats(in);
            int[] t = readInts(in);
            if (u.length != n) {
                throw new IOException("ratings.bin: header says " + n + " ratings, columns hold " + u.length);
            }
            return new Ratings(u, m, v, t, userIds, movieIds);
        });
        UserTags tags = readColumns(folder.resolve("tags.bin"),
                in -> new UserTags(readInts(in), readInts(in), readInts(in), readStrings(in)));
        Optional<TagGenome> genome = Optional.empty();
        if (Files.isRegularFile(folder.resolve("genome.bin"))) {
            genome = Optional.of(readColumns(folder.resolve("genome.bin"), in -> new TagGenome(readStrings(in), readInts(in), readFloats(in))));
        }
        return new MovieLensDataset(new Catalogue(catalogue.movies()), ratings, tags, catalogue.links(), genome,
                catalogue.users(), catalogue.droppedMovies());
    }

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    private static void writeColumns(Path file, Writer body) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            out.writeInt(MAGIC);
            out.writeByte(VERSION);
            body.write(out);
        }
    }

    private static <T> T readColumns(Path file, Reader<T> body) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
                DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
            if (in.readInt() != MAGIC) {
                throw new IOException(file + ": not an ELM Studio dataset file");
            }
            int version = in.readUnsignedByte();
            if (version != VERSION) {
                throw new IOException(file + ": format version " + version + ", this build reads version " + VERSION);
            }
            return body.read(in);
        } catch (java.io.EOFException e) {
            throw new IOException(file + ": truncated", e);
        }
    }

    private static void writeInts(DataOutputStream out, int[] values) throws IOException {
        out.writeInt(values.length);
        for (int v : values) {
            out.writeInt(v);
        }
    }

    private static int[] readInts(DataInputStream in) throws IOException {
        int[] values = new int[in.readInt()];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readInt();
        }
        return values;
    }

    private static void writeFloats(DataOutputStream out, float[] values) throws IOException {
        out.writeInt(values.length);
        for (float v : values) {
            out.writeFloat(v);
        }
    }

    private static float[] readFloats(DataInputStream in) throws IOException {
        float[] values = new float[in.readInt()];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readFloat();
        }
        return values;
    }

    private static void writeStrings(DataOutputStream out, List<String> values) throws IOException {
        out.writeInt(values.size());
        for (String s : values) {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            out.writeInt(bytes.length);
            out.write(bytes);
        }
    }

    private static List<String> readStrings(DataInputStream in) throws IOException {
        int n = in.readInt();
        List<String> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            values.add(new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8));
        }
        return values;
    }
}
