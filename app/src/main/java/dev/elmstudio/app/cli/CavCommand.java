package dev.elmstudio.app.cli;

import dev.elmstudio.engine.cav.Cav;
import dev.elmstudio.engine.data.MovieLensDataset;
import dev.elmstudio.engine.data.embedding.EmbeddingSpace;
import dev.elmstudio.storage.Dataset;
import dev.elmstudio.storage.Workspace;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code elm cav}: learns the direction of a genre in a dataset's movie embedding space and tests it against random
 * directions (held-out balanced accuracy, p-value). Only reads the workspace; {@code generate --cav} shifts along it.
 */
@Command(name = "cav", mixinStandardHelpOptions = true,
        description = "Learn and test a genre's concept direction (CAV) in an embedding space.")
final class CavCommand implements Callable<Integer> {
    private static final String COMMAND = "cav";

    @Spec
    private CommandSpec spec;

    @Mixin
    WorkspaceOption workspaceOption;

    @Option(names = "--dataset", required = true, description = "Dataset whose catalogue labels the movies.")
    String datasetName;

    @Option(names = "--space", required = true, description = "Movie embedding space of the dataset.")
    String spaceName;

    @Option(names = "--genre", required = true, description = "Genre as written in the catalogue (e.g. Comedy).")
    String genre;

    @Option(names = "--seed", description = "Split and random directions (default ${DEFAULT-VALUE}).")
    long seed = 0;

    @Override
    public Integer call() {
        try (Workspace workspace = workspaceOption.openReadOnly()) {
            Dataset dataset = WorkspaceDatasets.require(workspace, COMMAND, datasetName);
            EmbeddingSpace space = WorkspaceDatasets.loadSpace(
                    WorkspaceDatasets.requireSpace(workspace, COMMAND, dataset, spaceName), COMMAND);
            MovieLensDataset data = WorkspaceDatasets.load(dataset, COMMAND);
            Cav cav = GenreCav.train(COMMAND, data, space, genre, seed);
            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "%s in %s: held-out balanced accuracy %.3f (accuracy %.3f), p = %.3f against %d"
                    + " random directions; %d train / %d held-out movies%n", cav.attribute(), spaceName,
                    cav.heldOutBalancedAccuracy(), cav.heldOutAccuracy(), cav.pValue(),
                    cav.randomBalancedAccuracies().length, cav.trainItems(), cav.testItems());
        }
        return 0;
    }
}
