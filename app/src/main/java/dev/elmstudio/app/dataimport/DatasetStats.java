package dev.elmstudio.app.dataimport;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.elmstudio.engine.data.MovieLensDataset;

/** The counts a dataset row keeps in {@code stats_json}, for listings in the app and the command line. */
public final class DatasetStats {
    private DatasetStats() {}

    public static String of(MovieLensDataset data) {
        JsonObject stats = new JsonObject();
        stats.addProperty("movies", data.catalogue().size());
        stats.addProperty("users", data.ratings().userCount());
        stats.addProperty("ratings", data.ratings().size());
        stats.addProperty("tags", data.tags().size());
        stats.addProperty("dropped_movies", data.droppedMovies());
        return stats.toString();
    }

    /** The stats with one count replaced (tasks, after {@code import tasks}). */
    public static String with(String statsJson, String key, long value) {
        JsonObject stats = JsonParser.parseString(statsJson).getAsJsonObject();
        stats.addProperty(key, value);
        return stats.toString();
    }

    /** One count from the stats, or -1 when absent or unreadable. */
    public static long count(String statsJson, String key) {
        try {
            JsonObject stats = JsonParser.parseString(statsJson).getAsJsonObject();
            return stats.has(key) ? stats.get(key).getAsLong() : -1;
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
