package dev.elmstudio.app.compare;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.elmstudio.storage.Run;
import dev.elmstudio.storage.RunKind;
import dev.elmstudio.storage.Workspace;
import java.nio.file.Path;

/**
 * What the Compare panel and the evaluation need to know of an ELM run, read from its config_json (written by
 * {@code elm train}): its dataset and space, the base model it started from, and where its files are.
 *
 * @param baseModel the LM folder the run started from, or null when it started from a fresh tiny GPT
 */
public record ElmRunRef(long runId, String name, String dataset, String space, Path baseModel, Path runFolder) {
    /** The folder of a finished ELM inside the run folder. */
    public static final String ELM_FOLDER = "elm";

    public Path elmFolder() {
        return runFolder.resolve(ELM_FOLDER);
    }

    /** {@code checkpoints/run-<id>/}: every file a run writes lives here. */
    public static Path runFolder(Workspace workspace, long runId) {
        return workspace.checkpointsFolder().resolve("run-" + runId);
    }

    /** @throws IllegalArgumentException naming the run when it is no ELM run or its settings lack dataset/space */
    public static ElmRunRef of(Workspace workspace, Run run) {
        if (run.kind() != RunKind.ELM) {
            throw new IllegalArgumentException("run " + run.id() + " is a " + run.kind().dbValue() + " run, not an ELM");
        }
        JsonObject config;
        try {
            JsonElement parsed = JsonParser.parseString(run.configJson());
            config = parsed.isJsonObject() ? parsed.getAsJsonObject() : new JsonObject();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("run " + run.id() + ": its config_json is not JSON (" + e.getMessage() + ")", e);
        }
        if (!config.has("dataset") || !config.has("space")) {
            throw new IllegalArgumentException("run " + run.id() + " was not started by 'elm train': its config_json"
                    + " names no dataset and space");
        }
        JsonElement base = config.get("baseModel");
        return new ElmRunRef(run.id(), run.name(), config.get("dataset").getAsString(), config.get("space").getAsString(),
                base == null || base.isJsonNull() ? null : Path.of(base.getAsString()), runFolder(workspace, run.id()));
    }
}
