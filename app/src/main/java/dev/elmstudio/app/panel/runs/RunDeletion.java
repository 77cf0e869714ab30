package dev.elmstudio.app.panel.runs;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.elmstudio.storage.Checkpoint;
import dev.elmstudio.storage.Run;
import dev.elmstudio.storage.StorageException;
import dev.elmstudio.storage.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Deletes a run: its rows (run, metrics, checkpoints; evaluations and generations lose their link) and its files
 * in the workspace's {@code checkpoints/} folder — the ELM run folder {@code run-<id>/}, a pretraining's output
 * folder, and every recorded checkpoint's folder. Files outside the workspace (a CLI run with {@code --out}
 * elsewhere) are left alone and named in the result. Runs on a background thread with the workspace open for
 * writing.
 *
 * @param removed folders deleted
 * @param keptOutside folders of the run outside the workspace, not deleted
 */
record RunDeletion(long runId, List<Path> removed, List<Path> keptOutside) {

    static RunDeletion delete(Path workspaceFolder, long runId) throws IOException {
        try (Workspace workspace = Workspace.open(workspaceFolder)) {
            Run run = workspace.runs().get(runId).orElseThrow(
                    () -> new StorageException("Run " + runId + " is no longer in this workspace"));
            Set<Path> folders = new LinkedHashSet<>();
            folders.add(workspace.checkpointsFolder().resolve("run-" + runId)); // ELM runs (elm train, Train panel)
            outputFolder(run.configJson()).ifPresent(folders::add); // pretraining runs
            for (Checkpoint checkpoint : workspace.checkpoints().list(runId)) {
                folders.add(Files.isDirectory(checkpoint.path()) ? checkpoint.path() : checkpoint.path().getParent());
            }
            workspace.runs().delete(runId); // refuses a running run before any file goes
            Path root = workspace.checkpointsFolder().toAbsolutePath().normalize();
            List<Path> removed = new ArrayList<>();
            List<Path> outside = new ArrayList<>();
            for (Path folder : folders) {
                Path absolute = folder.toAbsolutePath().normalize();
                if (!absolute.startsWith(root) || absolute.equals(root)) {
                    if (Files.exists(absolute) && outside.stream().noneMatch(absolute::startsWith)) {
                        outside.add(absolute); // a checkpoint inside an output folder already named is not repeated
                    }
                } else if (Files.exists(absolute)) {
                    deleteTree(absolute);
                    removed.add(absolute);
                }
            }
            return new RunDeletion(runId, removed, outside);
        }
    }

    /** The {@code out} folder a pretraining run (app or {@code elm pretrain -w}) records, if any. */
    private static java.util.Optional<Path> outputFolder(String configJson) {
        try {
            JsonObject root = JsonParser.parseString(configJson).getAsJsonObject();
            JsonElement out = root.get("out");
            return out == null || !out.isJsonPrimitive() ? java.util.Optional.empty()
                    : java.util.Optional.of(Path.of(out.getAsString()));
        } catch (RuntimeException notRecorded) {
            return java.util.Optional.empty();
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
