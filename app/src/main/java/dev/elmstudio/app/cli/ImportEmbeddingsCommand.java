package dev.elmstudio.app.cli;

import dev.elmstudio.engine.data.ImportListener;
import dev.elmstudio.engine.data.MalformedDataException;
import dev.elmstudio.engine.data.embedding.EmbeddingCsv;
import dev.elmstudio.engine.data.embedding.EmbeddingSpace;
import dev.elmstudio.engine.data.embedding.NpyFiles;
import dev.elmstudio.storage.Dataset;
import dev.elmstudio.storage.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
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
        DatasetNames.check(COMMAND, "embedding space", spaceName);
        if (!Set.of("behavioral", "semantic", "imported").contains(kind)) {
            throw new CommandFailure(COMMAND + ": --kind '" + kind + "' not supported (expected behavioral, semantic, imported)");
        }
        if (!Set.of("movies", "users").contains(entities)) {
            throw new CommandFailure(COMMAND + ": --entities '" + entities + "' not supported (expected movies, users)");
        }
        if (!Files.isRegularFile(file)) {
            throw new CommandFailure(COMMAND + ": file not found: " + file);
        }
        EmbeddingSpace space = read();
        try (Workspace workspace = Workspace.open(workspaceOption.folder())) { // the dataset must already be there
            Dataset dataset = WorkspaceDatasets.require(workspace, COMMAND, datasetName);
            if (workspace.embeddingSpaces().find(dataset.id(), spaceName).isPresent()) {
                throw new CommandFailure(COMMAND + ": dataset '" + datasetName + "' already has a space named '"
                        + spaceName + "' (choose another --name)");
            }
            WorkspaceDatasets.KnownIds known = WorkspaceDatasets.KnownIds.of(WorkspaceDatasets.load(dataset, COMMAND));
            requireKnownIds(space, "movies".equals(entities) ? known.movies() : known.users());
            Path target = WorkspaceDatasets.spaceFile(dataset, spaceName);
            try {
                NpyFiles.write(space, target);
            } catch (IOException e) {
                throw new CommandFailure(COMMAND + ": could not write " + target + " (" + e.getMessage() + ")", e);
            }
            workspace.embeddingSpaces().create(dataset.id(), spaceName, kind, space.dimension(), space.size(), target);
            spec.commandLine().getOut().printf("embedding space '%s' of dataset '%s': %d %s x %d dimensions%n",
                    spaceName, datasetName, space.size(), entities, space.dimension());
        }
        return 0;
    }

    private boolean isCsv() {
        return file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv");
    }

    private EmbeddingSpace read() {
        try {
            return isCsv() ? EmbeddingCsv.read(spaceName, file, expectedDimension, ImportListener.NONE)
                    : NpyFiles.read(spaceName, file, expectedDimension);
        } catch (MalformedDataException e) {
            throw new CommandFailure(COMMAND + ": " + e.getMessage(), e);
        } catch (IOException | IllegalArgumentException e) {
            throw new CommandFailure(COMMAND + ": " + file + ": " + e.getMessage(), e);
        }
    }

    /** Names the first id the dataset lacks by line (CSV: header is line 1) or row (.npy). */
    private void requireKnownIds(EmbeddingSpace space, Set<Integer> known) {
        for (int row = 0; row < space.size(); row++) {
            int id = space.ids()[row];
            if (!known.contains(id)) {
                String where = isCsv() ? file.getFileName() + " line " + (row + 2) : file.getFileName() + " row " + row;
                throw new CommandFailure(COMMAND + ": " + where + ": id " + id + " is not one of dataset '"
                        + datasetName + "''s " + entities);
            }
        }
    }
}
