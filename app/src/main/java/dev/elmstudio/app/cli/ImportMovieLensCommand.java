package dev.elmstudio.app.cli;

import dev.elmstudio.engine.data.DatasetFiles;
import dev.elmstudio.engine.data.MalformedDataException;
import dev.elmstudio.engine.data.MovieLensDataset;
import dev.elmstudio.engine.data.MovieLensImporter;
import dev.elmstudio.storage.Workspace;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code elm import movielens DIR}: reads a MovieLens download (CSV releases or ml-100k) and saves it as a
 * dataset folder under {@code datasets/<name>}, recorded in the workspace.
 */
@Command(name = "movielens", mixinStandardHelpOptions = true,
        description = "Import a MovieLens folder (ml-latest-small, ml-25m, ml-100k) as a dataset.")
final class ImportMovieLensCommand implements Callable<Integer> {
    private static final String COMMAND = "import movielens";

    @Spec
    private CommandSpec spec;

    @Mixin
    WorkspaceOption workspaceOption;

    @Parameters(index = "0", paramLabel = "DIR", description = "Folder holding movies.csv + ratings.csv, or u.data + u.item.")
    Path folder;

    @Option(names = "--name", description = "Dataset name (default: the folder's name).")
    String name;

    @Option(names = "--min-ratings", description = "Drop movies with fewer ratings (default ${DEFAULT-VALUE}).")
    int minRatings = 5;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        String datasetName = DatasetNames.check(COMMAND, "dataset", name != null ? name : folder.getFileName().toString());
        if (!Files.isDirectory(folder)) {
            throw new CommandFailure(COMMAND + ": folder not found: " + folder);
        }
        if (minRatings < 1) {
            throw new CommandFailure(COMMAND + ": --min-ratings must be at least 1, got " + minRatings);
        }
        // Everything is parsed before the workspace is opened: a bad file changes nothing.
        MovieLensDataset data;
        try {
            data = new MovieLensImporter(new MovieLensImporter.Options(minRatings), new ImportProgress(out))
                    .importFolder(folder);
        } catch (MalformedDataException | IllegalArgumentException e) {
            throw new CommandFailure(COMMAND + ": " + folder + ": " + e.getMessage(), e);
        }
        try (Workspace workspace = workspaceOption.openForWriting()) {
            if (workspace.datasets().findByName(datasetName).isPresent()) {
                throw new CommandFailure(COMMAND + ": a dataset named '" + datasetName + "' already exists in "
                        + workspace.folder() + " (choose another with --name)");
            }
            Path target = workspace.datasetsFolder().resolve(datasetName);
            if (Files.exists(target)) {
                throw new CommandFailure(COMMAND + ": " + target + " already exists but is not a recorded dataset;"
                        + " move it away or choose another --name");
            }
            write(data, target);
            workspace.datasets().create(datasetName, "movielens", target, DatasetStats.of(data));
            out.printf("dataset '%s': %d movies, %d users, %d ratings (%d movies dropped with < %d ratings)%n",
                    datasetName, data.catalogue().size(), data.ratings().userCount(), data.ratings().size(),
                    data.droppedMovies(), minRatings);
        }
        return 0;
    }

    static void write(MovieLensDataset data, Path target) {
        try {
            DatasetFiles.write(data, target); // published atomically: complete or absent
        } catch (IOException e) {
            throw new CommandFailure("could not save the dataset in " + target + " (" + e.getMessage() + ")", e);
        }
    }
}
