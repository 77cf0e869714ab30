package dev.elmstudio.app.cli;

import dev.elmstudio.app.dataimport.DatasetNames;
import dev.elmstudio.app.dataimport.ImportFailure;
import dev.elmstudio.app.dataimport.MovieLensImport;
import dev.elmstudio.engine.data.MovieLensDataset;
import dev.elmstudio.storage.Workspace;
import java.io.PrintWriter;
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
        String datasetName = name != null ? name : folder.getFileName().toString();
        try {
            DatasetNames.check("dataset", datasetName);
            if (minRatings < 1) {
                throw new CommandFailure(COMMAND + ": --min-ratings must be at least 1, got " + minRatings);
            }
            // Everything is parsed before the workspace is opened: a bad file changes nothing.
            MovieLensDataset data = MovieLensImport.read(folder, minRatings, new ImportProgress(out));
            try (Workspace workspace = workspaceOption.openForWriting()) {
                MovieLensImport.save(workspace, datasetName, "movielens", data);
            }
            out.printf("dataset '%s': %d movies, %d users, %d ratings (%d movies dropped with < %d ratings)%n",
                    datasetName, data.catalogue().size(), data.ratings().userCount(), data.ratings().size(),
                    data.droppedMovies(), minRatings);
        } catch (ImportFailure e) {
            throw new CommandFailure(COMMAND + ": " + e.getMessage(), e);
        }
        return 0;
    }
}
