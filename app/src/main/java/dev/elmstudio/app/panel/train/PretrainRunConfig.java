package dev.elmstudio.app.panel.train;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.JsonSerializer;
import dev.elmstudio.engine.train.PretrainConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run's {@code config_json}, written in the shape {@code elm pretrain -w} writes (corpus, out,
 * arch, layers, width, heads, train), so the app resumes runs the CLI started and the CLI's
 * {@code --resume} finds runs the app started.
 */
record PretrainRunConfig(List<Path> corpus, Path out, Path checkpointDir, int contextLength, long seed) {

    static String toJson(PretrainSettings settings, Path out, PretrainConfig train) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("corpus", List.of(settings.corpus().toAbsolutePath()).toString()); // the CLI's List.toString form
        json.put("out", out.toAbsolutePath().toString());
        json.put("arch", "gpt2");
        json.put("layers", settings.layers());
        json.put("width", settings.width());
        json.put("heads", settings.heads());
        json.put("vocab", settings.vocab());
        json.put("train", train);
        return new GsonBuilder().serializeSpecialFloatingPointValues()
                .registerTypeHierarchyAdapter(Path.class, (JsonSerializer<Path>) (p, t, c) -> new JsonPrimitive(p.toString()))
                .create().toJson(json);
    }

    /** Reads what resuming needs; fails with a sentence when the run was not recorded by a pretrain. */
    static PretrainRunConfig parse(String configJson) {
        JsonObject root;
        try {
            root = JsonParser.parseString(configJson).getAsJsonObject();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the run's configuration is not JSON written by a pretraining run", e);
        }
        JsonElement corpus = root.get("corpus");
        JsonElement out = root.get("out");
        JsonObject train = root.has("train") ? root.getAsJsonObject("train") : null;
        if (corpus == null || out == null || train == null) {
            throw new IllegalArgumentException("the run's configuration lacks corpus, out or train settings");
        }
        List<Path> files = new ArrayList<>();
        String listed = corpus.getAsString().replaceAll("^\\[|]$", "");
        for (String part : listed.split(", ")) {
            if (!part.isBlank()) {
                files.add(Path.of(part));
            }
        }
        Path outFolder = Path.of(out.getAsString());
        Path checkpoints = train.has("checkpointDir") ? Path.of(train.get("checkpointDir").getAsString())
                : outFolder.resolve("checkpoints");
        return new PretrainRunConfig(files, outFolder, checkpoints, train.get("contextLength").getAsInt(),
                train.has("seed") ? train.get("seed").getAsLong() : 0);
    }
}
