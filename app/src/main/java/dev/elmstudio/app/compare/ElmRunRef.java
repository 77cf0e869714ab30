package dev.elmstudio.app.compare;

import dev.elmstudio.app.jobs.ElmRunException;
import dev.elmstudio.app.jobs.ElmRunSettings;
import dev.elmstudio.app.jobs.ElmTrainingJob;
import dev.elmstudio.storage.Run;
import dev.elmstudio.storage.RunKind;
import dev.elmstudio.storage.Workspace;
import java.nio.file.Path;

/** An ELM run as the Compare panel needs it: its settings (dataset, spaces, base model) and where its files are. */
public record ElmRunRef(long runId, String name, ElmRunSettings settings, Path runFolder) {

    public String dataset() {
        return settings.dataset();
    }

    /** The run's main space: the films the panel offers come from it. */
    public String space() {
        return settings.space();
    }

    public Path elmFolder() {
        return runFolder.resolve(ElmTrainingJob.ELM_FOLDER);
    }

    /** @throws IllegalArgumentException naming the run when it is no ELM run or its settings cannot be read */
    public static ElmRunRef of(Workspace workspace, Run run) {
        if (run.kind() != RunKind.ELM) {
            throw new IllegalArgumentException("run " + run.id() + " is a " + run.kind().dbValue() + " run, not an ELM");
        }
        try {
            return new ElmRunRef(run.id(), run.name(), ElmRunSettings.fromJson(run.configJson(), run.id()),
                    ElmTrainingJob.runFolder(workspace, run.id()));
        } catch (ElmRunException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
