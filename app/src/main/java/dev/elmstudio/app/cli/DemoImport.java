package dev.elmstudio.app.cli;

import dev.elmstudio.app.dataimport.DatasetStats;
import dev.elmstudio.app.dataimport.MovieLensImport;
import dev.elmstudio.engine.data.ImportListener;
import dev.elmstudio.engine.data.MovieLensDataset;
import dev.elmstudio.engine.data.demo.DemoWorld;
import dev.elmstudio.engine.data.demo.Film;
import dev.elmstudio.engine.data.demo.FilmsFile;
import dev.elmstudio.engine.data.demo.SimulatedAudience;
import dev.elmstudio.engine.data.embedding.EmbeddingSpace;
import dev.elmstudio.engine.data.embedding.NpyFiles;
import dev.elmstudio.engine.data.task.MovieFacts;
import dev.elmstudio.engine.data.task.Splits;
import dev.elmstudio.engine.data.task.TaskExample;
import dev.elmstudio.engine.data.task.TaskGenerator;
import dev.elmstudio.engine.data.task.TaskJsonl;
import dev.elmstudio.engine.encode.MiniLmEncoder;
import dev.elmstudio.engine.encode.SemanticEmbeddings;
import dev.elmstudio.engine.factor.AlsConfig;
import dev.elmstudio.engine.factor.Wals;
import dev.elmstudio.engine.io.AtomicFiles;
import dev.elmstudio.storage.Dataset;
import dev.elmstudio.storage.EmbeddingSpaceRecord;
import dev.elmstudio.storage.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the demo world into a workspace as a dataset: the seeded simulated audience in MovieLens form, the
 * behavioral movie space (ALS, or vectors given ready-made, as the shipped demo assets do), optionally the semantic
 * movie space (all-MiniLM-L6-v2, encoded here or given ready-made) and the tasks, split into training tasks and those
 * of held-out films. Shared by {@code elm import demo} and the app's demo workspace, so both
 * hold the same dataset for the same seed.
 */
public final class DemoImport {
    public static final String BEHAVIORAL_SPACE = "movies-behavioral";
    /** The films' semantic space: the mean all-MiniLM-L6-v2 embedding of each film's summary and long description. */
    public static final String SEMANTIC_SPACE = "movies-semantic";
    static final String SEMANTIC_KIND = "semantic";
    /** Tasks of the held-out films (movie tasks, and pair tasks between two held-out films), for 'elm eval --tasks'. */
    public static final String HELD_OUT_TASKS_FILE = "tasks-held-out.jsonl";
    /** The dataset stats key of the world's seed (audience, ALS and split), which 'elm compare' rebuilds ALS from. */
    static final String SEED_STAT = "seed";

    /**
     * What to build.
     *
     * @param heldOut films whose tasks leave the training tasks (0: none)
     * @param spaceFile ready-made behavioral vectors ({@code .npy} with its {@code .ids.npy}), or null to run ALS
     * @param corpus where to write the pretraining corpus, or null for none
     * @param semantic where the semantic space comes from, or null for none
     */
    public record Request(Path filmsFile, String name, SimulatedAudience.Config audience, int heldOut, Path spaceFile,
            Path corpus, Semantic semantic) {
        /** Without a semantic space. */
        public Request(Path filmsFile, String name, SimulatedAudience.Config audience, int heldOut, Path spaceFile,
                Path corpus) {
            this(filmsFile, name, audience, heldOut, spaceFile, corpus, null);
        }
    }

    /**
     * The semantic space's source: encoded from the films' texts by all-MiniLM-L6-v2 (minutes on a CPU), or ready-made
     * vectors ({@code .npy} with its {@code .ids.npy}), as the shipped demo assets hold them so the app never encodes.
     */
    public record Semantic(Path file) {
        public static Semantic encode() {
            return new Semantic(null);
        }

        public static Semantic readyMade(Path file) {
            return new Semantic(java.util.Objects.requireNonNull(file, "file"));
        }
    }

    /** What was built; {@code semanticSpace} is null when none was asked for. */
    public record Result(Dataset dataset, EmbeddingSpaceRecord space, EmbeddingSpaceRecord semanticSpace, int movies,
            int ratings, int tasks, int heldOutTasks) {}

    private DemoImport() {}

    /** Builds the world in a scratch folder first, so a failure leaves the workspace untouched. */
    public static Result run(Workspace workspace, Request request, ImportListener progress) throws IOException {
        String command = "import demo";
        if (workspace.datasets().findByName(request.name()).isPresent()) {
            throw new CommandFailure(command + ": a dataset named '" + request.name() + "' already exists (choose another with --name)");
        }
        List<Film> films = FilmsFile.read(request.filmsFile());
        Path scratch = Files.createTempDirectory("elm-demo-");
        try {
            MovieLensDataset world = DemoWorld.build(films, request.audience(), scratch.resolve("movielens"), progress);
            EmbeddingSpace behavioral = request.spaceFile() == null
                    ? EmbeddingSpace.movies(BEHAVIORAL_SPACE, new Wals(AlsConfig.defaults().withSeed(request.audience().seed()))
                            .train(world.ratings()))
                    : NpyFiles.read(BEHAVIORAL_SPACE, request.spaceFile(), 0);
            List<MovieFacts> movies = new ArrayList<>();
            for (Film film : films) {
                if (world.catalogue().byId(film.id()).isPresent()) {
                    movies.add(MovieFacts.of(film));
                }
            }
            EmbeddingSpace semantic = request.semantic() == null ? null : semanticSpace(request.semantic(), movies, progress);
            SplitTasks split = SplitTasks.of(movies, request.heldOut(), request.audience().seed());
            if (request.corpus() != null) {
                writeCorpus(split, request.corpus());
            }
            Path target = workspace.datasetsFolder().resolve(request.name());
            MovieLensImport.write(world, target);
            TaskJsonl.write(split.train(), target.resolve(WorkspaceDatasets.TASKS_FILE));
            if (!split.heldOut().isEmpty()) {
                TaskJsonl.write(split.heldOut(), target.resolve(HELD_OUT_TASKS_FILE));
            }
            Path spaceFile = target.resolve(WorkspaceDatasets.EMBEDDINGS_FOLDER).resolve(BEHAVIORAL_SPACE + ".npy");
            NpyFiles.write(behavioral, spaceFile);
            Dataset dataset = workspace.datasets().create(request.name(), "demo", target,
                    DatasetStats.with(DatasetStats.with(DatasetStats.with(DatasetStats.of(world), "tasks",
                            split.train().size()), SEED_STAT, request.audience().seed()), "held_out_films", request.heldOut()));
            EmbeddingSpaceRecord space = workspace.embeddingSpaces().create(dataset.id(), BEHAVIORAL_SPACE, "behavioral",
                    behavioral.dimension(), behavioral.size(), spaceFile);
            EmbeddingSpaceRecord semanticRecord = null;
            if (semantic != null) {
                Path semanticFile = target.resolve(WorkspaceDatasets.EMBEDDINGS_FOLDER).resolve(SEMANTIC_SPACE + ".npy");
                NpyFiles.write(semantic, semanticFile);
                semanticRecord = workspace.embeddingSpaces().create(dataset.id(), SEMANTIC_SPACE, SEMANTIC_KIND,
                        semantic.dimension(), semantic.size(), semanticFile);
            }
            return new Result(dataset, space, semanticRecord, world.catalogue().size(), world.ratings().size(),
                    split.train().size(), split.heldOut().size());
        } finally {
            AtomicFiles.deleteTree(scratch);
        }
    }

    /**
     * The films' semantic space, as {@code DemoWorldBuilder} builds it: each film's describing texts encoded by
     * all-MiniLM-L6-v2 and averaged. Ready-made vectors must be that encoder's width (384).
     */
    private static EmbeddingSpace semanticSpace(Semantic source, List<MovieFacts> movies, ImportListener progress)
            throws IOException {
        if (source.file() != null) {
            return NpyFiles.read(SEMANTIC_SPACE, source.file(), MiniLmEncoder.DIMENSION);
        }
        Map<Integer, List<String>> texts = new LinkedHashMap<>();
        for (MovieFacts m : movies) {
            texts.put(m.id(), TaskGenerator.describingTexts(m));
        }
        return SemanticEmbeddings.build(SEMANTIC_SPACE, texts, new MiniLmEncoder(), 64, (done, total) -> {
            if (progress != null) {
                progress.onProgress("films' texts (all-MiniLM-L6-v2)", done, total, done);
            }
        }, progress == null ? null : progress::cancelRequested);
    }

    /**
     * Training and held-out tasks: a seeded choice of {@code heldOut} films leaves the training tasks entirely (their
     * movie tasks and every pair that names one of them); pairs among the held-out films are their pair tasks.
     */
    record SplitTasks(List<TaskExample> train, List<TaskExample> heldOut) {
        static SplitTasks of(List<MovieFacts> movies, int heldOutCount, long seed) {
            if (heldOutCount < 0 || heldOutCount > movies.size() / 2) {
                throw new CommandFailure("import demo: --held-out must be between 0 and half the films ("
                        + movies.size() / 2 + "), got " + heldOutCount);
            }
            int[] ids = movies.stream().mapToInt(MovieFacts::id).toArray();
            Set<Integer> held = new HashSet<>();
            for (int id : Splits.holdOut(ids, heldOutCount, seed).test()) {
                held.add(id);
            }
            List<MovieFacts> trainFilms = movies.stream().filter(m -> !held.contains(m.id())).toList();
            List<MovieFacts> heldFilms = movies.stream().filter(m -> held.contains(m.id())).toList();
            List<TaskExample> train = new ArrayList<>(TaskGenerator.movieTasks(trainFilms));
            train.addAll(TaskGenerator.pairTasks(trainFilms, seed));
            List<TaskExample> test = new ArrayList<>(TaskGenerator.movieTasks(heldFilms));
            test.addAll(TaskGenerator.pairTasks(heldFilms, seed));
            return new SplitTasks(train, test);
        }
    }

    /**
     * Single-film texts of every film (held-out ones included: a pretrained LM has read about every film; only the
     * fine-tuning holds films out), then the training pairs' texts. Blank lines separate documents, so blank lines
     * inside a text are closed up.
     */
    private static void writeCorpus(SplitTasks split, Path file) throws IOException {
        StringBuilder text = new StringBuilder();
        List<TaskExample> documents = new ArrayList<>(split.train());
        documents.addAll(split.heldOut().stream().filter(t -> t.slots().size() == 1).toList());
        for (TaskExample t : documents) {
            text.append(t.target().replaceAll("\\n\\s*\\n", "\n").strip()).append("\n\n");
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        AtomicFiles.writeString(file, text);
    }
}
