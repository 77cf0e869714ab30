package dev.elmstudio.app.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import dev.elmstudio.storage.Checkpoint;
import dev.elmstudio.storage.Metric;
import dev.elmstudio.storage.Run;
import java.util.List;

/** The JSON shape of {@code elm runs --json}: snake_case keys, like the database columns. */
final class RunJson {

    private RunJson() {}

    static JsonObject summary(Run run) {
        JsonObject json = new JsonObject();
        json.addProperty("id", run.id());
        json.addProperty("kind", run.kind().dbValue());
        json.addProperty("name", run.name());
        json.addProperty("status", run.status().dbValue());
        json.addProperty("stage", run.stage());
        json.addProperty("created_at", run.createdAt().toString());
        json.addProperty("updated_at", run.updatedAt().toString());
        json.add("config", config(run.configJson()));
        return json;
    }

    static JsonObject detail(Run run, List<Metric> latestMetrics, List<Checkpoint> checkpoints) {
        JsonObject json = summary(run);
        JsonObject metrics = new JsonObject();
        for (Metric metric : latestMetrics) {
            JsonObject point = new JsonObject();
            point.addProperty("step", metric.step());
            point.addProperty("value", metric.value());
            metrics.add(metric.name(), point);
        }
        json.add("latest_metrics", metrics);
        JsonArray files = new JsonArray();
        for (Checkpoint checkpoint : checkpoints) {
            JsonObject file = new JsonObject();
            file.addProperty("stage", checkpoint.stage());
            file.addProperty("step", checkpoint.step());
            file.addProperty("path", checkpoint.path().toString());
            file.addProperty("size_bytes", checkpoint.sizeBytes());
            file.addProperty("sha256", checkpoint.sha256());
            files.add(file);
        }
        json.add("checkpoints", files);
        return json;
    }

    /** Every logged value of the run's metrics: {@code {"train_loss": [[step, value], …], …}}. */
    static JsonObject series(dev.elmstudio.storage.Workspace workspace, long runId, List<Metric> latest) {
        JsonObject all = new JsonObject();
        for (Metric metric : latest) {
            JsonArray points = new JsonArray();
            for (Metric m : workspace.metrics().series(runId, metric.name())) {
                JsonArray point = new JsonArray();
                point.add(m.step());
                point.add(m.value());
                points.add(point);
            }
            all.add(metric.name(), points);
        }
        return all;
    }

    /** The stored config as JSON; kept as a string if it is not valid JSON, rather than failing the listing. */
    private static JsonElement config(String configJson) {
        try {
            return JsonParser.parseString(configJson);
        } catch (JsonParseException e) {
            return new JsonPrimitive(configJson);
        }
    }
}
