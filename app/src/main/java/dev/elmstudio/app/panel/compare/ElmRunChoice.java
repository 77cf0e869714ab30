package dev.elmstudio.app.panel.compare;

import dev.elmstudio.app.compare.BaselineContract;
import dev.elmstudio.app.jobs.ElmTrainingJob;
import dev.elmstudio.engine.elm.ElmArchive;
import dev.elmstudio.storage.EvalResult;
import dev.elmstudio.storage.EvalRun;
import dev.elmstudio.storage.Run;
import dev.elmstudio.storage.RunKind;
import dev.elmstudio.storage.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** An ELM run with a finished model, as the run chooser lists it; and the workspace reads the panel needs. */
public record ElmRunChoice(long id, String name, boolean hasBaseline) {

    @Override
    public String toString() {
        return "Run " + id + " · " + name + (hasBaseline ? " (with baseline)" : " (no baseline)");
    }

    /** Finished ELM runs of the workspace, newest first (read-only, background thread). */
    static List<ElmRunChoice> list(Path workspaceFolder) {
        try (Workspace workspace = Workspace.openReadOnly(workspaceFolder)) {
            List<ElmRunChoice> choices = new ArrayList<>();
            for (Run run : workspace.runs().list()) {
                Path elm = ElmTrainingJob.runFolder(workspace, run.id()).resolve(ElmTrainingJob.ELM_FOLDER);
                if (run.kind() == RunKind.ELM && Files.isRegularFile(elm.resolve(ElmArchive.MANIFEST_FILE))) {
                    choices.add(new ElmRunChoice(run.id(), run.name(), BaselineContract.find(workspace, run.id()).isPresent()));
                }
            }
            choices.sort((a, b) -> Long.compare(b.id(), a.id()));
            return choices;
        }
    }

    static List<EvalRun> evaluations(Path workspaceFolder, long runId) {
        try (Workspace workspace = Workspace.openReadOnly(workspaceFolder)) {
            return workspace.evals().forRun(runId);
        }
    }

    static List<EvalResult> results(Path workspaceFolder, long evalId) {
        try (Workspace workspace = Workspace.openReadOnly(workspaceFolder)) {
            return workspace.evals().results(evalId);
        }
    }
}
