package dev.elmstudio.app.cli;

import ai.djl.Device;
import dev.elmstudio.app.panel.explore.EntityChoice;
import dev.elmstudio.app.panel.explore.ExploreLoader;
import dev.elmstudio.app.panel.explore.ExploreViewModel;
import dev.elmstudio.app.panel.explore.LoadedRun;
import dev.elmstudio.engine.bench.SliderLatency;
import dev.elmstudio.engine.data.ImportListener;
import dev.elmstudio.engine.data.MalformedDataException;
import dev.elmstudio.engine.data.embedding.EmbeddingCsv;
import dev.elmstudio.engine.data.embedding.EmbeddingSpace;
import dev.elmstudio.engine.data.embedding.NpyFiles;
import dev.elmstudio.engine.elm.ElmArchive;
import dev.elmstudio.engine.elm.ElmModel;
import dev.elmstudio.engine.explore.ConceptDirections;
import dev.elmstudio.engine.explore.ExploreInput;
import dev.elmstudio.engine.explore.ExploreSession;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.DoubleFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code elm bench slider}: Explore's latency from letting a slider go to the first token and to the whole text,
 * on this machine's CPU, with a trained ELM (a run of a workspace, as the panel loads it, or an ELM folder with
 * its vectors). With a run the CAV slider moves (the concept's CAV is trained during warm-up, as the panel trains
 * it when the concept is chosen); with a folder, which has no labels for a CAV, the interpolation slider does.
 * Ends with {@code RESULT slider_first_token_ms=<median> slider_full_ms=<median>}.
 */
@Command(name = "slider", mixinStandardHelpOptions = true,
        description = "Explore slider latency: release → first token and → whole text (greedy, fixed length).")
final class BenchSliderCommand implements Callable<Integer> {
    private static final String COMMAND = "bench slider";
    /** CAV slider positions, in standard deviations: a user sweeping from one side to the other. */
    private static final double[] ALPHAS = {-2, -1, -0.5, 0.5, 1, 2, 1.5, -1.5};
    private static final double[] TS = {0.1, 0.3, 0.5, 0.7, 0.9, 0.6, 0.4, 0.2};

    @Spec
    private CommandSpec spec;

    @Option(names = "--elm", required = true, paramLabel = "RUN|DIR", description = "A finished ELM run of --workspace, or an ELM folder.")
    String elm;

    @Option(names = {"-w", "--workspace"}, paramLabel = "DIR", description = "Workspace of --elm RUN.")
    Path workspaceFolder;

    @Option(names = "--embeddings", paramLabel = "FILE", description = "Vectors (.npy or .csv) of an ELM folder's space.")
    Path embeddings;

    @Option(names = "--entity", description = "Entity the slider starts from (default: the space's first).")
    Integer entity;

    @Option(names = "--second", description = "Other end of the interpolation slider (default: the space's second).")
    Integer second;

    @Option(names = "--concept", description = "Concept of the CAV slider, e.g. genre:Horror (default: the first offered).")
    String concept;

    @Option(names = "--task", description = "Task (default: the ELM's first one-slot task).")
    String task;

    @Option(names = "--tokens", description = "Tokens per text (default ${DEFAULT-VALUE}).")
    int tokens = 48;

    @Option(names = "--warmup", description = "Unmeasured releases first (default ${DEFAULT-VALUE}).")
    int warmup = 5;

    @Option(names = "--repeats", description = "Measured releases (default ${DEFAULT-VALUE}).")
    int repeats = 30;

    @Override
    public Integer call() throws Exception {
        if (tokens < 1 || warmup < 0 || repeats < 1) {
            throw new CommandFailure(COMMAND + ": --tokens and --repeats must be at least 1, --warmup at least 0");
        }
        PrintWriter out = spec.commandLine().getOut();
        long loadStart = System.nanoTime();
        LoadedRun run = load();
        try {
            ExploreSession session = run.session();
            String chosenTask = task != null ? task : session.tasks().stream().findFirst().orElseThrow(() ->
                    new CommandFailure(COMMAND + ": the ELM has no task with one slot"));
            int from = entity != null ? entity : run.entities().get(0).id();
            int to = second != null ? second : run.entities().get(Math.min(1, run.entities().size() - 1)).id();
            for (int id : new int[] {from, to}) {
                if (!session.contains(id)) {
                    throw new CommandFailure(COMMAND + ": entity " + id + " has no vector in space '"
                            + session.space().name() + "'");
                }
            }
            List<String> concepts = session.concepts().concepts();
            String slider;
            DoubleFunction<ExploreInput> inputAt;
            double[] positions;
            if (concept != null || !concepts.isEmpty()) {
                String name = concept != null ? concept : concepts.get(0);
                if (!concepts.contains(name)) {
                    throw new CommandFailure(COMMAND + ": no concept '" + name + "' (e.g. "
                            + concepts.subList(0, Math.min(8, concepts.size())) + ")");
                }
                slider = "CAV slider " + name;
                inputAt = alpha -> ExploreInput.entity(from).shifted(name, alpha);
                positions = ALPHAS;
            } else {
                slider = "interpolation slider " + from + " → " + to;
                inputAt = t -> ExploreInput.between(from, to, t);
                positions = TS;
            }
            out.printf(Locale.ROOT, "%s; loaded in %.1f s%n", run.description(), (System.nanoTime() - loadStart) / 1e9);
            out.printf(Locale.ROOT, "task %s, %s from %s, %d tokens (greedy, end-of-text ignored), %d warm-up + %d"
                    + " releases, PyTorch threads %s%n", chosenTask, slider, run.choice(from).label(), tokens, warmup,
                    repeats, System.getProperty("ai.djl.pytorch.num_threads", "default"));
            out.flush();
            SliderLatency.Result result = SliderLatency.run(session, chosenTask, inputAt, positions, tokens, warmup,
                    repeats, vector -> {
                        // What the panel does when a generation starts: nearest entities and the map position.
                        session.nearest(vector, ExploreViewModel.NEAREST);
                        run.mapPosition(vector);
                    }, line -> {
                        out.println(line);
                        out.flush();
                    });
            if (result.tokens() < tokens) {
                out.printf("note: the context filled after %d tokens%n", result.tokens());
            }
            out.printf(Locale.ROOT, "release → first token: median %.1f ms, p90 %.1f ms%n", result.firstTokenMedian(),
                    result.firstTokenP90());
            out.printf(Locale.ROOT, "release → %d tokens: median %.1f ms, p90 %.1f ms%n", result.tokens(),
                    result.fullMedian(), result.fullP90());
            out.printf(Locale.ROOT, "RESULT slider_first_token_ms=%.1f slider_full_ms=%.1f%n",
                    result.firstTokenMedian(), result.fullMedian());
            out.flush();
            return 0;
        } finally {
            run.session().close();
        }
    }

    private LoadedRun load() throws IOException {
        Path folder = Path.of(elm);
        if (elm.matches("\\d+") && !Files.isDirectory(folder)) {
            if (workspaceFolder == null) {
                throw new CommandFailure(COMMAND + ": a run id needs --workspace");
            }
            try {
                return ExploreLoader.load(workspaceFolder, Long.parseLong(elm));
            } catch (IllegalArgumentException e) {
                throw new CommandFailure(COMMAND + ": " + e.getMessage(), e);
            }
        }
        if (!Files.isRegularFile(folder.resolve(ElmArchive.MANIFEST_FILE))) {
            throw new CommandFailure(COMMAND + ": " + folder + " is not an ELM folder (no " + ElmArchive.MANIFEST_FILE + ")");
        }
        if (embeddings == null || !Files.isRegularFile(embeddings)) {
            throw new CommandFailure(COMMAND + ": an ELM folder needs --embeddings FILE with the vectors of its space");
        }
        EmbeddingSpace space;
        try {
            space = embeddings.toString().endsWith(".csv")
                    ? EmbeddingCsv.read("vectors", embeddings, 0, ImportListener.NONE)
                    : NpyFiles.read("vectors", embeddings, 0);
        } catch (MalformedDataException | IllegalArgumentException e) {
            throw new CommandFailure(COMMAND + ": " + e.getMessage(), e);
        }
        ElmModel model = ElmArchive.load(folder, Device.cpu());
        ExploreSession session;
        try {
            session = new ExploreSession(model, space, new ConceptDirections(space, null, 0), null);
        } catch (IllegalArgumentException e) {
            model.close();
            throw new CommandFailure(COMMAND + ": " + e.getMessage(), e);
        }
        List<EntityChoice> entities = new ArrayList<>();
        for (int id : space.ids()) {
            entities.add(new EntityChoice(id, "#" + id));
        }
        return new LoadedRun(0, folder + " with " + embeddings + " (" + space.size() + " × " + space.dimension() + ")",
                session, entities, LoadedRun.fitMap(space), new float[0], new float[0], new String[0]);
    }
}
