package dev.elmstudio.app.panel.data;

import dev.elmstudio.app.dataimport.DatasetFolder;
import dev.elmstudio.storage.Dataset;
import dev.elmstudio.storage.EmbeddingSpaceRecord;
import dev.elmstudio.storage.Workspace;
import java.nio.file.Path;
import java.util.List;

/** What the panel shows of one dataset: its movies and its embedding spaces, read together off the UI thread. */
record DatasetContents(Dataset dataset, List<MovieRow> movies, List<EmbeddingSpaceRecord> spaces) {

    static DatasetContents read(Path workspaceFolder, Dataset dataset) {
        List<EmbeddingSpaceRecord> spaces;
        try (Workspace workspace = Workspace.openReadOnly(workspaceFolder)) {
            spaces = workspace.embeddingSpaces().list(dataset.id());
        }
        return new DatasetContents(dataset, MovieRow.of(DatasetFolder.load(dataset)), spaces);
    }
}
