package dev.elmstudio.app.panel.rate;

import dev.elmstudio.storage.RaterSession;
import dev.elmstudio.storage.Workspace;
import java.nio.file.Path;
import java.util.List;

/** What the Rate panel lists, read in one go off the UI thread: model outputs and sessions. */
record RateSnapshot(List<ModelOutputs> outputs, List<RaterSession> sessions) {

    static RateSnapshot read(Path workspaceFolder) {
        try (Workspace workspace = Workspace.openReadOnly(workspaceFolder)) {
            return new RateSnapshot(OutputCatalog.read(workspace), workspace.ratings().sessions());
        }
    }
}
