package dev.elmstudio.app.dataimport;

import dev.elmstudio.engine.data.DatasetFiles;
import dev.elmstudio.engine.data.ImportListener;
import dev.elmstudio.engine.data.MalformedDataException;
import dev.elmstudio.engine.data.MovieLensDataset;
import dev.elmstudio.engine.data.MovieLensImporter;
import dev.elmstudio.storage.Dataset;
import dev.elmstudio.storage.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Importing a MovieLens download (CSV releases or ml-100k) as a dataset folder under {@code datasets/<name>},
 * recorded in the workspace; shared by {@code elm import movielens} and the Data panel. {@link #read} parses
 * everything before anything is written, so a bad file or a cancel leaves the workspace as it was.
 */
public final class MovieLensImport {

    private MovieLensImport() {}

    /** Parses the folder; a malformed row fails naming file, line and field. */
    public static MovieLensDataset read(Path folder, int minRatings, ImportListener listener) {
        if (!Files.isDirectory(folder)) {
            throw new ImportFailure("folder not found: " + folder);
        }
        try {
            return new MovieLensImporter(new MovieLensImporter.Options(minRatings), listener).importFolder(folder);
        } catch (MalformedDataException | IllegalArgumentException e) {
            throw new ImportFailure(folder + ": " + e.getMessage(), e);
        }
    }

    /** Fails before writing when the name is taken or its folder is in the way. */
    public static Path checkTarget(Workspace workspace, String datasetName) {
        DatasetNames.check("dataset", datasetName);
        if (workspace.datasets().findByName(datasetName).isPresent()) {
            throw new ImportFailure("a dataset named '" + datasetName + "' already exists in " + workspace.folder()
                    + " (choose another name)");
        }
        Path target = workspace.datasetsFolder().resolve(datasetName);
        if (Files.exists(target)) {
            throw new ImportFailure(target + " already exists but is not a recorded dataset;"
                    + " move it away or choose another name");
        }
        return target;
    }

    /** Writes the parsed dataset and records it. */
    public static Dataset save(Workspace workspace, String datasetName, String kind, MovieLensDataset data) {
        Path target = checkTarget(workspace, datasetName);
        write(data, target);
        return workspace.datasets().create(datasetName, kind, target, DatasetStats.of(data));
    }

    public static void write(MovieLensDataset data, Path target) {
        try {
            DatasetFiles.write(data, target); // published atomically: complete or absent
        } catch (IOException e) {
            throw new ImportFailure("could not save the dataset in " + target + " (" + e.getMessage() + ")", e);
        }
    }
}
