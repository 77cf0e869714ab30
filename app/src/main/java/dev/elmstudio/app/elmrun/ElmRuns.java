package dev.elmstudio.app.elmrun;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonParseException;
import dev.elmstudio.app.jobs.ElmTrainingJob;
import dev.elmstudio.engine.elm.ElmArchive;
import dev.elmstudio.storage.Run;
import dev.elmstudio.storage.RunKind;
import dev.elmstudio.storage.RunStatus;
import dev.elmstudio.storage.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Which ELM runs of a workspace have a finished model to generate from, where it is (as {@link ElmTrainingJob}
 * writes it) and what it was trained on.
 */
public final class ElmRuns {
    /** The finished model inside a run's folder. */
    public static final String ELM_FOLDER = ElmTrainingJob.ELM_FOLDER;

    /** The dataset and embedding space a run trained on, from its recorded settings. */
    public record Inputs(String dataset, String space) {}

    private ElmRuns() {}

    public static Path runFolder(Workspace workspace, long runId) {
        return ElmTrainingJob.runFolder(workspace, runId);
    }

    public static Path elmFolder(Workspace workspace, long runId) {
        return runFolder(workspace, runId).resolve(ELM_FOLDER);
    }

    /** ELM runs that finished and whose model is on disk, newest first; text-only baselines (no adapter) left out. */
    public static List<Run> finished(Workspace workspace) {
        return workspace.runs().list().stream()
                .filter(run -> run.kind() == RunKind.ELM && run.status() == RunStatus.FINISHED && !isTextOnly(run))
                .filter(run -> Files.isRegularFile(elmFolder(workspace, run.id()).resolve(ElmArchive.MANIFEST_FILE)))
                .sorted((a, b) -> Long.compare(b.id(), a.id()))
                .toList();
    }

    /** Whether the run trained the text-only baseline (titles in the slots, no adapter): its settings say so. */
    public static boolean isTextOnly(Run run) {
        try {
            JsonObject settings = JsonParser.parseString(run.configJson()).getAsJsonObject();
            return settings.has("textOnly") && settings.get("textOnly").getAsBoolean();
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException e) {
            return false; // unreadable settings: inputs() names the problem when the run is opened
        }
    }

    /** The run's dataset and space names; fails naming the run when its settings lack them. */
    public static Inputs inputs(Run run) {
        try {
            JsonObject settings = JsonParser.parseString(run.configJson()).getAsJsonObject();
            if (!settings.has("dataset") || !settings.has("space")) {
                throw new JsonParseException("no dataset or space");
            }
            return new Inputs(settings.get("dataset").getAsString(), settings.get("space").getAsString());
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException e) {
            throw new IllegalArgumentException("run " + run.id() + " (" + run.name() + ") does not record the dataset"
                    + " and embedding space it was trained on (" + e.getMessage() + ")", e);
        }
    }
}
