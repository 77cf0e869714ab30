package dev.elmstudio.app.panel.train;

import dev.elmstudio.app.jobs.ElmTrainingJob;
import dev.elmstudio.app.task.TaskRunner;
import dev.elmstudio.engine.train.Pretrainer;
import dev.elmstudio.storage.Run;
import dev.elmstudio.storage.RunKind;
import dev.elmstudio.storage.RunStatus;
import dev.elmstudio.storage.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Looks (read-only, off the UI thread) for the newest run (pretraining or ELM) that stopped before its end
 * (interrupted by a crash, or cancelled) and left a checkpoint to continue from.
 */
public final class ResumeFinder {

    private final TaskRunner tasks;
    private final ReadOnlyObjectWrapper<Run> resumable = new ReadOnlyObjectWrapper<>();

    ResumeFinder(TaskRunner tasks) {
        this.tasks = tasks;
    }

    /** The run to offer, or null. */
    public ReadOnlyObjectProperty<Run> resumableRunProperty() {
        return resumable.getReadOnlyProperty();
    }

    void clear() {
        resumable.set(null);
    }

    void look(Path workspaceFolder) {
        resumable.set(null);
        if (workspaceFolder == null || !Files.exists(workspaceFolder.resolve(Workspace.DATABASE_FILE))) {
            return;
        }
        tasks.submit(null, context -> find(workspaceFolder), resumable::set,
                failure -> resumable.set(null)); // only an offer: a workspace we cannot read shows no offer
    }

    private static Run find(Path workspaceFolder) throws Exception {
        try (Workspace workspace = Workspace.openReadOnly(workspaceFolder)) {
            for (Run run : workspace.runs().list()) { // newest first
                if (run.status() == RunStatus.INTERRUPTED || run.status() == RunStatus.CANCELLED) {
                    try {
                        boolean resumable = run.kind() == RunKind.ELM
                                ? ElmTrainingJob.latestCheckpoint(workspace, run.id()).isPresent()
                                : Pretrainer.latestCheckpoint(PretrainRunConfig.parse(run.configJson()).checkpointDir())
                                        .isPresent();
                        if (resumable) {
                            return run;
                        }
                    } catch (RuntimeException | java.io.IOException notResumable) {
                        // recorded by another tool, or its files are gone: not one to offer
                    }
                }
            }
            return null;
        }
    }
}
