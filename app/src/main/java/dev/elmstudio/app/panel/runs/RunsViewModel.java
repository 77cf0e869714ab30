package dev.elmstudio.app.panel.runs;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonParser;
import dev.elmstudio.app.shell.DialogService;
import dev.elmstudio.app.task.TaskRunner;
import dev.elmstudio.storage.Checkpoint;
import dev.elmstudio.storage.Run;
import dev.elmstudio.storage.RunStatus;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Runs panel: every run of the workspace (the app's and the command line's), the curves of the
 * selected ones overlaid, and the first selected run's configuration and checkpoints. The view asks
 * for a refresh every second; each refresh reads read-only on a background thread and changes only
 * what differs, so a run being written shows its new points without flicker.
 */
public final class RunsViewModel {

    private final TaskRunner tasks;
    private final DialogService dialogs;

    // Properties
    private final ObjectProperty<Path> workspace = new SimpleObjectProperty<>();
    private final ObservableList<Run> runs = FXCollections.observableArrayList();
    private final ObservableList<Long> selectedRunIds = FXCollections.observableArrayList();
    private final ObservableList<RunCurves> curves = FXCollections.observableArrayList();
    private final ObservableList<Checkpoint> checkpoints = FXCollections.observableArrayList();
    private final StringProperty configText = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private boolean refreshing;
    private boolean refreshAgain;
    /** Set when a workspace opens; the first read that finds runs, with none selected, selects the newest. */
    private boolean selectNewestPending;

    public RunsViewModel(TaskRunner tasks, DialogService dialogs) {
        this.tasks = tasks;
        this.dialogs = dialogs;
        workspace.addListener((obs, old, now) -> {
            runs.clear();
            selectedRunIds.clear();
            selectNewestPending = true;
            refresh();
        });
        selectedRunIds.addListener((javafx.collections.ListChangeListener<Long>) change -> {
            if (!selectedRunIds.isEmpty()) {
                selectNewestPending = false; // a choice (the user's or ours) is never overridden
            }
            refresh();
        });
    }

    public ObjectProperty<Path> workspaceProperty() { return workspace; }
    public ObservableList<Run> runs() { return runs; }
    /**
     * The view writes the table's selection here and shows what is here selected; when a workspace opens with
     * nothing selected, the newest run is put here as soon as one is read.
     */
    public ObservableList<Long> selectedRunIds() { return selectedRunIds; }
    public ObservableList<RunCurves> curves() { return curves; }
    public ObservableList<Checkpoint> checkpoints() { return checkpoints; }
    public StringProperty configTextProperty() { return configText; }
    /** The last export's or deletion's outcome, in a sentence. */
    public StringProperty messageProperty() { return message; }

    // Commands

    /** Re-reads the workspace; a request during a read is folded into one more read after it. */
    public void refresh() {
        Path folder = workspace.get();
        if (folder == null) {
            return;
        }
        if (refreshing) {
            refreshAgain = true;
            return;
        }
        refreshing = true;
        List<Long> selected = List.copyOf(selectedRunIds);
        tasks.submit(null, context -> RunsSnapshot.read(folder, selected), snapshot -> {
            refreshing = false;
            if (folder.equals(workspace.get())) {
                apply(snapshot);
            }
            again();
        }, failure -> {
            refreshing = false;
            message.set("Could not read the workspace: " + failure.getMessage());
            again();
        });
    }

    /** Copies the checkpoint's folder to {@code targetFolder} in the background. */
    public void exportCheckpoint(Checkpoint checkpoint, Path targetFolder) {
        String runName = runs.stream().filter(r -> r.id() == checkpoint.runId()).map(Run::name).findFirst()
                .orElse("run-" + checkpoint.runId());
        tasks.submit("Exporting checkpoint", context -> CheckpointExport.export(checkpoint, runName, targetFolder),
                copy -> message.set("Exported step " + checkpoint.step() + " to " + copy),
                failure -> dialogs.showError("Could not export the checkpoint of step " + checkpoint.step()
                        + " to " + targetFolder + ".", failure));
    }

    /** The question the view asks before {@link #deleteRun}: what goes, and that it cannot be undone. */
    public String deleteQuestion(Run run) {
        return "Delete run " + run.id() + " (" + run.name() + ")? Its metrics, checkpoint records and its files in the"
                + " workspace's checkpoints folder are removed. This cannot be undone.";
    }

    /**
     * Deletes a run with its rows and files, in the background (the view asked the user first). A running run is
     * refused here, before any work: its trainer still writes to it.
     */
    public void deleteRun(long runId) {
        Path folder = workspace.get();
        Run run = runs.stream().filter(r -> r.id() == runId).findFirst().orElse(null);
        if (folder == null || run == null) {
            return;
        }
        if (run.status() == RunStatus.RUNNING) {
            message.set("Run " + runId + " is running: cancel it, or let it finish, before deleting it.");
            return;
        }
        tasks.submit("Deleting run " + runId, context -> RunDeletion.delete(folder, runId), deleted -> {
            selectedRunIds.remove(runId);
            message.set("Deleted run " + runId + " (" + deleted.removed().size() + " folder"
                    + (deleted.removed().size() == 1 ? "" : "s") + " removed"
                    + (deleted.keptOutside().isEmpty() ? "" : "; left outside the workspace: " + deleted.keptOutside())
                    + ").");
            refresh();
        }, failure -> {
            dialogs.showError("Could not delete run " + runId + ". If a training or another window is writing to"
                    + " this workspace, wait until it is done and try again.", failure);
            refresh();
        });
    }

    private void again() {
        if (refreshAgain) {
            refreshAgain = false;
            refresh();
        }
    }

    private void apply(RunsSnapshot snapshot) {
        if (!runs.equals(snapshot.runs())) {
            runs.setAll(snapshot.runs());
        }
        if (!curves.equals(snapshot.curves())) {
            curves.setAll(snapshot.curves());
        }
        if (!checkpoints.equals(snapshot.checkpoints())) {
            checkpoints.setAll(snapshot.checkpoints());
        }
        configText.set(prettyJson(snapshot.configJson()));
        // An opened workspace shows the newest run's curves at once rather than an empty chart; runs are newest first.
        if (selectNewestPending && selectedRunIds.isEmpty() && !runs.isEmpty()) {
            selectedRunIds.setAll(runs.get(0).id());
        }
    }

    private static String prettyJson(String json) {
        if (json == null || json.isBlank()) {
            return "";
        }
        try {
            return new GsonBuilder().setPrettyPrinting().create().toJson(JsonParser.parseString(json));
        } catch (RuntimeException notJson) {
            return json;
        }
    }
}
