package dev.elmstudio.app.cli;

import dev.elmstudio.app.dataimport.DatasetNames;
import dev.elmstudio.app.dataimport.EmbeddingsImport;
import dev.elmstudio.app.dataimport.ImportFailure;
import dev.elmstudio.engine.data.ImportListener;
import dev.elmstudio.engine.data.embedding.EmbeddingSpace;
import dev.elmstudio.storage.Dataset;
import dev.elmstudio.storage.Workspace;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code elm import embeddings FILE --dataset NAME --name SPACE}: adds vectors for a dataset's movies (or users)
 * from a .npy file (ids in the {@code .ids.npy} beside it) or a CSV ({@code id,x0,x1,...}). Every id must be one
 * of the dataset's and every row must have the same dimension; the first bad row is named by file and line.
 */
@Command(name = "embeddings", mixinStandardHelpOptions = true,
        description = "Import an embedding space (.npy or .csv) for a dataset's movies or users.")
final class ImportEmbeddingsCommand implements Callable<Integer> {
    private static final String COMMAND = "import embeddings";

    @Spec
    private CommandSpec spec;

    @Mixin
    WorkspaceOption workspaceOption;

    @Parameters(index = "0", paramLabel = "FILE", description = "Vectors: .npy (with FILE.ids.npy) or .csv (id,x0,x1,...).")
    Path file;

    @Option(names = "--dataset", required = true, description = "Dataset whose ids the vectors belong to.")
    String datasetName;

    @Option(names = "--name", required = true, description = "Name of the embedding space.")
    String spaceName;

    @Option(names = "--entities", description = "movies or users (default ${DEFAULT-VALUE}).")
    String entities = "movies";

    @Option(names = "--kind", description = "behavioral, semantic or imported (default ${DEFAULT-VALUE}).")
    String kind = "imported";

    @Option(names = "--dim", description = "Required dimension (default: the file's own).")
    int expectedDimension = 0;

    @Override
    public Integer call() {
        try {
            DatasetNames.check("embedding space", spaceName);
            if (!EmbeddingsImport.KINDS.contains(kind)) {
                throw new CommandFailure(COMMAND + ": --kind '" + kind + "' not supported (expected behavioral, semantic, imported)");
            }
            if (!EmbeddingsImport.ENTITIES.contains(entities)) {
                throw new CommandFailure(COMMAND + ": --entities '" + entities + "' not supported (expected movies, users)");
            }
            EmbeddingSpace space = EmbeddingsImport.read(file, spaceName, expectedDimension, ImportListener.NONE);
            try (Workspace workspace = Workspace.open(workspaceOption.folder())) { // the dataset must already be there
                Dataset dataset = WorkspaceDatasets.require(workspace, COMMAND, datasetName);
                EmbeddingsImport.save(workspace, dataset, file, space, entities, kind);
            }
            spec.commandLine().getOut().printf("embedding space '%s' of dataset '%s': %d %s x %d dimensions%n",
                    spaceName, datasetName, space.size(), entities, space.dimension());
        } catch (ImportFailure e) {
            throw new CommandFailure(COMMAND + ": " + e.getMessage(), e);
        }
        return 0;
    }
}
