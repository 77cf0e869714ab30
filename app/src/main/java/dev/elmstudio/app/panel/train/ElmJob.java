package dev.elmstudio.app.panel.train;

import dev.elmstudio.app.jobs.ElmRunSettings;
import dev.elmstudio.app.jobs.ElmTrainingJob;
import dev.elmstudio.engine.train.TrainingControl;
import dev.elmstudio.storage.Workspace;
import java.io.IOException;
import java.nio.file.Path;

/**
 * An ELM run as the app does it, on the calling (background) thread: {@link ElmTrainingJob}, the same code as
 * {@code elm train}, with the workspace open for writing for the run's length (the UI reads read-only meanwhile).
 */
final class ElmJob {

    private ElmJob() {}

    static RunEnd start(Path workspaceFolder, ElmRunSettings settings, ElmTrainingJob.Observer observer,
            TrainingControl control) throws IOException {
        try (Workspace workspace = Workspace.openOrCreate(workspaceFolder)) {
            String tasks = settings.tasks() == null || settings.tasks().isEmpty() ? "all tasks"
                    : String.join("+", settings.tasks());
            String name = "elm " + settings.dataset() + "/" + tasks + (settings.usesLora() ? " lora" : "");
            return RunEnd.of(ElmTrainingJob.start(workspace, name, settings, observer, control));
        }
    }

    static RunEnd resume(Path workspaceFolder, long runId, ElmTrainingJob.Observer observer, TrainingControl control)
            throws IOException {
        try (Workspace workspace = Workspace.openOrCreate(workspaceFolder)) {
            return RunEnd.of(ElmTrainingJob.resume(workspace, runId, observer, control));
        }
    }
}
