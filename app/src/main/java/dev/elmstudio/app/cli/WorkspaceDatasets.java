package dev.elmstudio.app.cli;

import dev.elmstudio.app.dataimport.DatasetFolder;
import dev.elmstudio.engine.data.DatasetFiles;
import dev.elmstudio.engine.data.MovieLensDataset;
import dev.elmstudio.engine.data.embedding.EmbeddingSpace;
import dev.elmstudio.engine.data.embedding.NpyFiles;
import dev.elmstudio.storage.Dataset;
import dev.elmstudio.storage.EmbeddingSpaceRecord;
import dev.elmstudio.storage.Workspace;
import java.io.IOException;
import java.nio.file.Path;

/** Look-ups shared by the commands that read a workspace's datasets, failing with messages that say what to do. */
final class WorkspaceDatasets {
    static final String TASKS_FILE = DatasetFolder.TASKS_FILE;
    static final String EMBEDDINGS_FOLDER = DatasetFolder.EMBEDDINGS_FOLDER;

    private WorkspaceDatasets() {}

    static Dataset require(Workspace workspace, String command, String name) {
        return workspace.datasets().findByName(name).orElseThrow(() -> new CommandFailure(command + ": no dataset '"
                + name + "' in " + workspace.folder() + " (import one with 'elm import movielens' or 'elm import demo')"));
    }

    static EmbeddingSpaceRecord requireSpace(Workspace workspace, String command, Dataset dataset, String name) {
        return workspace.embeddingSpaces().find(dataset.id(), name).orElseThrow(() -> new CommandFailure(command
                + ": dataset '" + dataset.name() + "' has no embedding space '" + name
                + "' (add one with 'elm import embeddings')"));
    }

    static MovieLensDataset load(Dataset dataset, String command) {
        try {
            return DatasetFiles.read(dataset.path());
        } catch (IOException e) {
            throw new CommandFailure(command + ": could not read dataset '" + dataset.name() + "' (" + e.getMessage() + ")", e);
        }
    }

    static EmbeddingSpace loadSpace(EmbeddingSpaceRecord space, String command) {
        try {
            return NpyFiles.read(space.name(), space.path(), space.dimension());
        } catch (IOException e) {
            throw new CommandFailure(command + ": could not read embedding space '" + space.name() + "' ("
                    + e.getMessage() + ")", e);
        }
    }

    static Path spaceFile(Dataset dataset, String spaceName) {
        return DatasetFolder.spaceFile(dataset, spaceName);
    }
}
