package dev.elmstudio.app.cli;

import dev.elmstudio.app.dataimport.DatasetNames;
import dev.elmstudio.app.dataimport.DatasetStats;
import dev.elmstudio.app.dataimport.ImportFailure;
import dev.elmstudio.app.dataimport.MovieLensImport;
import dev.elmstudio.engine.data.MovieLensDataset;
import dev.elmstudio.engine.data.demo.DemoWorld;
import dev.elmstudio.engine.data.demo.Film;
import dev.elmstudio.engine.data.demo.FilmsFile;
import dev.elmstudio.engine.data.demo.SimulatedAudience;
import dev.elmstudio.engine.data.embedding.EmbeddingSpace;
import dev.elmstudio.engine.data.embedding.NpyFiles;
import dev.elmstudio.engine.data.task.MovieFacts;
import dev.elmstudio.engine.data.task.TaskExample;
import dev.elmstudio.engine.data.task.TaskGenerator;
import dev.elmstudio.engine.data.task.TaskJsonl;
import dev.elmstudio.engine.factor.AlsConfig;
import dev.elmstudio.engine.factor.Factors;
import dev.elmstudio.engine.factor.Wals;
import dev.elmstudio.storage.Dataset;
import dev.elmstudio.storage.Workspace;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code elm import demo}: builds the demo world from the committed film catalogue ({@code assets/demo/films.jsonl})
 * — a seeded simulated audience in MovieLens form, behavioral movie embeddings by ALS and the movie and pair tasks —
 * and records it as a dataset. The semantic space (all-MiniLM-L6-v2) needs the encoder model and is left to the app.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Build the demo world (simulated audience, ALS embeddings, tasks) as a dataset.")
final class ImportDemoCommand implements Callable<Integer> {
    private static final String COMMAND = "import demo";
    static final String BEHAVIORAL_SPACE = "movies-behavioral";

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

    @Option(names = "--seed", description = "Simulation and ALS seed (default: the demo's own).")
    Long seed;

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
        List<Film> films = FilmsFile.read(filmsFile);
        SimulatedAudience.Config defaults = SimulatedAudience.Config.defaults();
        SimulatedAudience.Config audience = new SimulatedAudience.Config(viewers == null ? defaults.viewers() : viewers,
                seed == null ? defaults.seed() : seed);

        // The world is built in a scratch folder first, so a failure leaves the workspace untouched.
        Path scratch = Files.createTempDirectory("elm-demo-");
        try {
            MovieLensDataset world = DemoWorld.build(films, audience, scratch.resolve("movielens"), new ImportProgress(out));
            out.printf("simulated audience: %d viewers, %d ratings%n", world.ratings().userCount(), world.ratings().size());
            Factors factors = new Wals(AlsConfig.defaults().withSeed(audience.seed())).train(world.ratings());
            EmbeddingSpace behavioral = EmbeddingSpace.movies(BEHAVIORAL_SPACE, factors);
            List<MovieFacts> movies = new ArrayList<>();
            for (Film film : films) {
                if (world.catalogue().byId(film.id()).isPresent()) {
                    movies.add(MovieFacts.of(film));
                }
            }
            List<TaskExample> tasks = new ArrayList<>(TaskGenerator.movieTasks(movies));
            tasks.addAll(TaskGenerator.pairTasks(movies, audience.seed()));

            try (Workspace workspace = workspaceOption.openForWriting()) {
                if (workspace.datasets().findByName(name).isPresent()) {
                    throw new CommandFailure(COMMAND + ": a dataset named '" + name + "' already exists (choose another with --name)");
                }
                Path target = workspace.datasetsFolder().resolve(name);
                MovieLensImport.write(world, target);
                TaskJsonl.write(tasks, target.resolve(WorkspaceDatasets.TASKS_FILE));
                Path spaceFile = target.resolve(WorkspaceDatasets.EMBEDDINGS_FOLDER).resolve(BEHAVIORAL_SPACE + ".npy");
                NpyFiles.write(behavioral, spaceFile);
                Dataset dataset = workspace.datasets().create(name, "demo", target,
                        DatasetStats.with(DatasetStats.of(world), "tasks", tasks.size()));
                workspace.embeddingSpaces().create(dataset.id(), BEHAVIORAL_SPACE, "behavioral", behavioral.dimension(),
                        behavioral.size(), spaceFile);
                out.printf("dataset '%s': %d movies, %d task examples, space %s (%d dimensions)%n", name,
                        world.catalogue().size(), tasks.size(), BEHAVIORAL_SPACE, behavioral.dimension());
            }
        } finally {
            deleteTree(scratch);
        }
        return 0;
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
