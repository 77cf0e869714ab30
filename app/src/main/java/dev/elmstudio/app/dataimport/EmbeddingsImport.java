package dev.elmstudio.app.dataimport;

import dev.elmstudio.engine.data.ImportListener;
import dev.elmstudio.engine.data.MalformedDataException;
import dev.elmstudio.engine.data.embedding.EmbeddingCsv;
import dev.elmstudio.engine.data.embedding.EmbeddingSpace;
import dev.elmstudio.engine.data.embedding.NpyFiles;
import dev.elmstudio.storage.Dataset;
import dev.elmstudio.storage.EmbeddingSpaceRecord;
import dev.elmstudio.storage.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Importing an embedding space for a dataset's movies or users from a .npy file (ids in the {@code .ids.npy}
 * beside it) or a CSV ({@code id,x0,x1,...}); shared by {@code elm import embeddings} and the Data panel.
 * Every id must be one of the dataset's and every row must have the same dimension; the first bad row is
 * named by file and line.
 */
public final class EmbeddingsImport {

    public static final List<String> ENTITIES = List.of("movies", "users");
    public static final List<String> KINDS = List.of("behavioral", "semantic", "imported");

    private EmbeddingsImport() {}

    public static boolean isCsv(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    /** Reads and checks the vectors; nothing is written. */
    public static EmbeddingSpace read(Path file, String spaceName, int expectedDimension, ImportListener listener) {
        DatasetNames.check("embedding space", spaceName);
        if (!Files.isRegularFile(file)) {
            throw new ImportFailure("file not found: " + file);
        }
        try {
            return isCsv(file) ? EmbeddingCsv.read(spaceName, file, expectedDimension, listener)
                    : NpyFiles.read(spaceName, file, expectedDimension);
        } catch (MalformedDataException e) {
            throw new ImportFailure(e.getMessage(), e);
        } catch (IOException | IllegalArgumentException e) {
            throw new ImportFailure(file + ": " + e.getMessage(), e);
        }
    }

    /** Checks the ids against the dataset, writes {@code embeddings/<space>.npy} and records the space. */
    public static EmbeddingSpaceRecord save(Workspace workspace, Dataset dataset, Path sourceFile, EmbeddingSpace space,
            String entities, String kind) {
        if (!KINDS.contains(kind)) {
            throw new ImportFailure("kind '" + kind + "' not supported (expected behavioral, semantic, imported)");
        }
        if (!ENTITIES.contains(entities)) {
            throw new ImportFailure("entities '" + entities + "' not supported (expected movies, users)");
        }
        if (workspace.embeddingSpaces().find(dataset.id(), space.name()).isPresent()) {
            throw new ImportFailure("dataset '" + dataset.name() + "' already has a space named '" + space.name()
                    + "' (choose another name)");
        }
        DatasetFolder.KnownIds known = DatasetFolder.KnownIds.of(DatasetFolder.load(dataset));
        requireKnownIds(sourceFile, dataset.name(), space, entities, "movies".equals(entities) ? known.movies() : known.users());
        Path target = DatasetFolder.spaceFile(dataset, space.name());
        try {
            NpyFiles.write(space, target);
        } catch (IOException e) {
            throw new ImportFailure("could not write " + target + " (" + e.getMessage() + ")", e);
        }
        return workspace.embeddingSpaces().create(dataset.id(), space.name(), kind, space.dimension(), space.size(), target);
    }

    /** Names the first id the dataset lacks by line (CSV: header is line 1) or row (.npy). */
    private static void requireKnownIds(Path file, String datasetName, EmbeddingSpace space, String entities,
            Set<Integer> known) {
        for (int row = 0; row < space.size(); row++) {
            int id = space.ids()[row];
            if (!known.contains(id)) {
                String where = isCsv(file) ? file.getFileName() + " line " + (row + 2) : file.getFileName() + " row " + row;
                throw new ImportFailure(where + ": id " + id + " is not one of dataset '" + datasetName + "''s " + entities);
            }
        }
    }
}
