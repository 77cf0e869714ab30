package dev.elmstudio.app.cli;

import dev.elmstudio.app.dataimport.DatasetNames;
import dev.elmstudio.app.dataimport.ImportFailure;
import dev.elmstudio.engine.data.demo.SimulatedAudience;
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
import picocli.CommandLine.Spec;

/**
 * {@code elm import demo}: builds the demo world from the committed film catalogue ({@code assets/demo/films.jsonl})
 * — a seeded simulated audience in MovieLens form, behavioral movie embeddings by ALS and the movie and pair tasks —
 * and records it as a dataset (see {@link DemoImport}). With {@code --semantic} it also encodes the films' semantic
 * space (all-MiniLM-L6-v2, minutes on a CPU), which {@code assets/build-demo-assets.sh} ships so the app never encodes.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Build the demo world (simulated audience, ALS embeddings, tasks) as a dataset.")
final class ImportDemoCommand implements Callable<Integer> {
    private static final String COMMAND = "import demo";
    static final String BEHAVIORAL_SPACE = DemoImport.BEHAVIORAL_SPACE;
    static final String HELD_OUT_TASKS_FILE = DemoImport.HELD_OUT_TASKS_FILE;

    @Spec
    private CommandSpec spec;

    @Mixin
    WorkspaceOption workspaceOption;

    @Option(names = "--assets", paramLabel = "DIR",
            description = "Folder holding demo/films.jsonl (default: ${DEFAULT-VALUE} under the working directory).")
    Path assets = Path.of("assets");

    @Option(names = "--name", description = "Dataset name (default ${DEFAULT-VALUE}).")
    String name = "demo";

    @Option(names = "--viewers", description = "Simulated viewers (default: the demo's own).")
    Integer viewers;

    @Option(names = "--seed", description = "Simulation, ALS and split seed (default: the demo's own).")
    Long seed;

    @Option(names = "--held-out", paramLabel = "N", description = "Films whose tasks go to " + DemoImport.HELD_OUT_TASKS_FILE
            + " instead of the training tasks (a seeded choice; default ${DEFAULT-VALUE}).")
    int heldOut = 0;

    @Option(names = "--corpus", paramLabel = "FILE", description = "Also write a pretraining corpus for 'elm pretrain':"
            + " every film's single-film texts (held-out films included, as a pretrained LM has read about every film)"
            + " and the training pairs' texts, one document per blank-line-separated block.")
    Path corpus;

    @Option(names = "--space", paramLabel = "FILE", description = "Use these behavioral vectors (.npy with its .ids.npy,"
            + " e.g. assets/demo/space/movies-behavioral.npy) instead of computing them by ALS.")
    Path spaceFile;

    @Option(names = "--semantic", description = "Also build the films' semantic space '" + DemoImport.SEMANTIC_SPACE
            + "' (kind semantic): each film's summary and long description encoded by all-MiniLM-L6-v2 and averaged"
            + " (a few minutes on a CPU).")
    boolean semantic;

    @Option(names = "--semantic-space", paramLabel = "FILE", description = "Use these semantic vectors (.npy with its"
            + " .ids.npy, 384 dimensions, e.g. assets/demo/space/movies-semantic.npy) instead of encoding them.")
    Path semanticFile;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        try {
            DatasetNames.check("dataset", name);
        } catch (ImportFailure e) {
            throw new CommandFailure(COMMAND + ": " + e.getMessage(), e);
        }
        Path filmsFile = assets.resolve("demo").resolve("films.jsonl");
        if (!Files.isRegularFile(filmsFile)) {
            throw new CommandFailure(COMMAND + ": " + filmsFile.toAbsolutePath() + " not found (run from the ELM Studio"
                    + " folder or pass --assets DIR)");
        }
        if (spaceFile != null && !Files.isRegularFile(spaceFile)) {
            throw new CommandFailure(COMMAND + ": --space file not found: " + spaceFile.toAbsolutePath());
        }
        if (semanticFile != null && !Files.isRegularFile(semanticFile)) {
            throw new CommandFailure(COMMAND + ": --semantic-space file not found: " + semanticFile.toAbsolutePath());
        }
        DemoImport.Semantic semanticSource = semanticFile != null ? DemoImport.Semantic.readyMade(semanticFile)
                : semantic ? DemoImport.Semantic.encode() : null;
        SimulatedAudience.Config defaults = SimulatedAudience.Config.defaults();
        SimulatedAudience.Config audience = new SimulatedAudience.Config(viewers == null ? defaults.viewers() : viewers,
                seed == null ? defaults.seed() : seed);
        try (Workspace workspace = workspaceOption.openForWriting()) {
            DemoImport.Result result = DemoImport.run(workspace,
                    new DemoImport.Request(filmsFile, name, audience, heldOut, spaceFile, corpus, semanticSource),
                    new ImportProgress(out));
            out.printf("simulated audience: %d viewers, %d ratings%n", audience.viewers(), result.ratings());
            out.printf("dataset '%s': %d movies, %d task examples (%d more of %d held-out films), space %s (%d dimensions)%n",
                    name, result.movies(), result.tasks(), result.heldOutTasks(), heldOut, BEHAVIORAL_SPACE,
                    result.space().dimension());
            if (result.semanticSpace() != null) {
                out.printf("semantic space %s: %d films, %d dimensions%n", DemoImport.SEMANTIC_SPACE,
                        result.semanticSpace().count(), result.semanticSpace().dimension());
            }
            if (corpus != null) {
                out.printf("pretraining corpus: %s%n", corpus);
            }
        }
        return 0;
    }
}
