package dev.elmstudio.app.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.elmstudio.engine.data.MovieLensDataset;

/** The counts a dataset row keeps in {@code stats_json}, for listings in the app and the command line. */
final class DatasetStats {
    private DatasetStats() {}

    static String of(MovieLensDataset data) {
        JsonObject stats = new JsonObject();
        stats.addProperty("movies", data.catalogue().size());
        stats.addProperty("users", data.ratings().userCount());
        stats.addProperty("ratings", data.ratings().size());
        stats.addProperty("tags", data.tags().size());
        stats.addProperty("dropped_movies", data.droppedMovies());
        return stats.toString();
    }

    /** The stats with one count replaced (tasks, after {@code import tasks}). */
    static String with(String statsJson, String key, long value) {
        JsonObject stats = JsonParser.parseString(statsJson).getAsJsonObject();
        stats.addProperty(key, value);
        return stats.toString();
    }
}
