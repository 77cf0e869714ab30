package dev.elmstudio.app.cli;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
import dev.elmstudio.app.compare.BaselineContract;
import dev.elmstudio.app.compare.ConsistencyScorer;
import dev.elmstudio.app.compare.FilmSlots;
import dev.elmstudio.app.compare.RunReport;
import dev.elmstudio.app.compare.TextOnlyModel;
import dev.elmstudio.app.jobs.ElmRunException;
import dev.elmstudio.app.jobs.ElmRunInputs;
import dev.elmstudio.app.jobs.ElmRunModel;
import dev.elmstudio.app.jobs.ElmRunSettings;
import dev.elmstudio.app.jobs.ElmTrainingJob;
import dev.elmstudio.engine.data.MalformedDataException;
import dev.elmstudio.engine.data.Movie;
import dev.elmstudio.engine.data.MovieLensDataset;
import dev.elmstudio.engine.data.embedding.EmbeddingSpace;
import dev.elmstudio.engine.data.task.TaskExample;
import dev.elmstudio.engine.data.task.TaskJsonl;
import dev.elmstudio.engine.elm.ElmArchive;
import dev.elmstudio.engine.elm.ElmExample;
import dev.elmstudio.engine.elm.ElmModel;
import dev.elmstudio.engine.encode.MiniLmEncoder;
import dev.elmstudio.engine.lm.GenerationConfig;
import dev.elmstudio.engine.lm.NoGradScope;
import dev.elmstudio.storage.BaseModel;
import dev.elmstudio.storage.Dataset;
import dev.elmstudio.storage.EmbeddingSpaceRecord;
import dev.elmstudio.storage.EvalResult;
import dev.elmstudio.storage.EvalRun;
import dev.elmstudio.storage.Run;
import dev.elmstudio.storage.RunStatus;
import dev.elmstudio.storage.Workspace;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code elm eval RUN [--baseline]}: scores a finished ELM run item by item and records the scores as an evaluation
 * ({@code elm export report ID} writes them out; the Compare panel shows them). Per item and model, each row with
 * the greedy output: {@code target_loss} (mean cross-entropy of the target under teacher forcing),
 * {@code exact_match} (1 when greedy decoding reproduces the target), {@code sc} and, where the dataset has users,
 * {@code bc_ndcg} and {@code bc_spearman} ({@link ConsistencyScorer}; one-film items against the film, two-film
 * items against the midpoint; undefined scores, e.g. of a blank output, are not stored). Tasks are stored as
 * {@code elm:<task>}, and with {@code --baseline} the run's text-only baseline answers the same items as
 * {@code baseline:<task>}. Without {@code --tasks} the run's own training tasks are scored, which measures fit,
 * not generalisation; pass held-out tasks for that.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Score a finished ELM run (and its text-only baseline) item by item and record the evaluation.")
final class EvalCommand implements Callable<Integer> {
    private static final String COMMAND = "eval";

    @Spec
    private CommandSpec spec;

    @Mixin
    WorkspaceOption workspaceOption;

    @Parameters(index = "0", paramLabel = "RUN", description = "Id of a finished ELM run.")
    long runId;

    @Option(names = "--tasks", paramLabel = "FILE", description = "Task examples to score (default: the run's dataset tasks).")
    Path tasksFile;

    @Option(names = "--limit", description = "Score at most this many items (default ${DEFAULT-VALUE}).")
    int limit = 50;

    @Option(names = "--max-tokens", description = "Greedy output length (default ${DEFAULT-VALUE}).")
    int maxTokens = 32;

    @Option(names = "--baseline", description = "Also score the run's text-only baseline (see 'elm baseline').")
    boolean withBaseline;

    @Override
    public Integer call() throws IOException {
        if (limit < 1) {
            throw new CommandFailure(COMMAND + ": --limit must be at least 1, got " + limit);
        }
        List<TaskExample> explicitTasks = tasksFile == null ? null : readTasks();
        PrintWriter out = spec.commandLine().getOut();
        try (Workspace workspace = Workspace.open(workspaceOption.folder())) {
            Run run = ElmRuns.require(workspace, COMMAND, runId);
            Path elm = ElmTrainingJob.runFolder(workspace, runId).resolve(ElmTrainingJob.ELM_FOLDER);
            if (!Files.isRegularFile(elm.resolve(ElmArchive.MANIFEST_FILE))) {
                throw new CommandFailure(COMMAND + ": run " + runId + " has no finished model (status "
                        + run.status().dbValue() + ")");
            }
            BaseModel baselineRecord = !withBaseline ? null : BaselineContract.find(workspace, runId).orElseThrow(() ->
                    new CommandFailure(COMMAND + ": run " + runId + " has no text-only baseline; build one with"
                            + " 'elm baseline --elm " + runId + "'"));
            ElmRunSettings settings;
            ElmRunInputs inputs;
            try {
                settings = ElmRunSettings.fromJson(run.configJson(), runId);
                ElmRunInputs read = ElmRunInputs.read(workspace, settings);
                inputs = new ElmRunInputs(explicitTasks != null ? explicitTasks : read.tasks(), read.spaces());
            } catch (ElmRunException e) {
                throw new CommandFailure(COMMAND + ": " + e.getMessage(), e);
            }
            Dataset dataset = WorkspaceDatasets.require(workspace, COMMAND, settings.dataset());
            MovieLensDataset data = WorkspaceDatasets.load(dataset, COMMAND);
            List<TaskExample> tasks = ElmRunModel.withVectors(settings, inputs);
            if (settings.textOnly()) { // a text-only run reads titles: only items about films have them
                tasks = tasks.stream().filter(t -> FilmSlots.allFilms(settings, t, data.catalogue())).toList();
            }
            if (tasks.isEmpty()) {
                throw new CommandFailure(COMMAND + ": no task example has all its ids in space '" + settings.space() + "'");
            }
            MiniLmEncoder encoder = new MiniLmEncoder();
            EmbeddingSpaceRecord semanticRecord = ConsistencyScorer.semanticSpace(workspace, dataset.id(),
                    settings.space(), encoder.dimension());
            EmbeddingSpace semantic = semanticRecord == null ? null : WorkspaceDatasets.loadSpace(semanticRecord, COMMAND);
            ConsistencyScorer scorer = new ConsistencyScorer(data, semantic, encoder);
            IntFunction<String> titleOf = id -> data.catalogue().byId(id).map(Movie::displayTitle).orElse(null);
            try (ElmModel model = ElmArchive.load(elm, Device.cpu());
                    TextOnlyModel baseline = baselineRecord == null ? null : TextOnlyModel.load(baselineRecord.path())) {
                int count = Math.min(limit, tasks.size());
                EvalRun eval = workspace.evals().create(runId, "eval run " + runId + (baseline == null ? "" : " vs baseline"),
                        config(count, baselineRecord));
                try {
                    List<EvalResult> results = new ArrayList<>();
                    Totals elmTotals = new Totals();
                    Totals baselineTotals = new Totals();
                    List<ElmExample> examples = settings.textOnly()
                            ? tasks.stream().map(t -> ElmRunModel.textOnlyExample(t, titleOf)).toList()
                            : ElmRunModel.examples(settings, inputs); // same order as tasks
                    String prefix = settings.textOnly() ? RunReport.BASELINE_PREFIX : RunReport.ELM_PREFIX;
                    for (int i = 0; i < count; i++) {
                        TaskExample task = tasks.get(i);
                        // only items about films have titles for the baseline and films to score SC/BC against
                        boolean films = FilmSlots.allFilms(settings, task, data.catalogue());
                        ConsistencyScorer.Reference reference = films ? reference(scorer, task) : null;
                        score(results, prefix + task.task(), model, examples.get(i), reference, scorer, elmTotals);
                        if (baseline != null && films) {
                            ElmExample textOnly = ElmRunModel.textOnlyExample(task, titleOf);
                            score(results, RunReport.BASELINE_PREFIX + task.task(), baseline.model(), textOnly, reference,
                                    scorer, baselineTotals);
                        }
                    }
                    workspace.evals().appendResults(eval.id(), results);
                    workspace.evals().updateStatus(eval.id(), RunStatus.FINISHED);
                    out.printf(Locale.ROOT, "evaluation %d: %d items%n", eval.id(), count);
                    out.println((settings.textOnly() ? "  text-only " : "  ELM      ") + elmTotals);
                    if (baseline != null) {
                        out.println("  baseline " + baselineTotals);
                    }
                } catch (RuntimeException e) {
                    workspace.evals().updateStatus(eval.id(), RunStatus.FAILED);
                    throw e;
                }
            }
        }
        return 0;
    }

    /**
     * Generates, then stores every defined score of one model on one item with its output. An item longer than the
     * LM's context (titled prompts can be) is not scored, only counted.
     */
    private void score(List<EvalResult> results, String task, ElmModel model, ElmExample example,
            ConsistencyScorer.Reference reference, ConsistencyScorer scorer, Totals totals) {
        if (!fits(model, example)) {
            totals.skipped++;
            return;
        }
        String output = model.generate(example.template(), example.vectors(), GenerationConfig.greedy(maxTokens), null).text();
        double loss = targetLoss(model, example);
        double match = output.strip().equals(example.target().strip()) ? 1 : 0;
        results.add(new EvalResult(task, example.entityId(), "target_loss", loss, output));
        results.add(new EvalResult(task, example.entityId(), "exact_match", match, output));
        ConsistencyScorer.Scores scores = reference == null ? ConsistencyScorer.Scores.NONE
                : scorer.score(output, reference);
        scores.defined().forEach((metric, value) -> results.add(new EvalResult(task, example.entityId(), metric, value, output)));
        totals.add(loss, match, scores.sc());
    }

    /** One film: the film; two films: their midpoint (as in the demo evaluation); more slots: none. */
    private static ConsistencyScorer.Reference reference(ConsistencyScorer scorer, TaskExample task) {
        List<Integer> ids = List.copyOf(task.slots().values());
        return switch (ids.size()) {
            case 1 -> scorer.movie(ids.get(0));
            case 2 -> scorer.between(ids.get(0), ids.get(1), 0.5);
            default -> null;
        };
    }

    private static boolean fits(ElmModel model, ElmExample example) {
        try {
            model.collator().collate(List.of(example));
            return true;
        } catch (IllegalArgumentException tooLong) {
            return false;
        }
    }

    private static double targetLoss(ElmModel model, ElmExample example) {
        try (NoGradScope noGrad = NoGradScope.enter(); NDManager scope = model.lm().manager().newSubManager()) {
            return model.loss(model.collator().collate(List.of(example)), scope).getFloat();
        }
    }

    private String config(int count, BaseModel baseline) {
        JsonObject config = new JsonObject();
        config.addProperty("tasks", tasksFile == null ? "training tasks" : tasksFile.toAbsolutePath().toString());
        config.addProperty("items", count);
        config.addProperty("max_tokens", maxTokens);
        config.addProperty("decoding", "greedy");
        config.addProperty("encoder", "all-MiniLM-L6-v2");
        if (baseline != null) {
            config.addProperty("baseline_model_id", baseline.id());
        }
        return config.toString();
    }

    private List<TaskExample> readTasks() {
        if (!Files.isRegularFile(tasksFile)) {
            throw new CommandFailure(COMMAND + ": file not found: " + tasksFile);
        }
        try {
            return TaskJsonl.read(tasksFile);
        } catch (MalformedDataException e) {
            throw new CommandFailure(COMMAND + ": " + e.getMessage(), e);
        } catch (IOException | IllegalArgumentException e) {
            throw new CommandFailure(COMMAND + ": " + tasksFile + ": " + e.getMessage(), e);
        }
    }

    /** Running means for the printed summary. */
    private static final class Totals {
        private int items;
        private double loss;
        private int matches;
        private double sc;
        private int scItems;
        private int skipped;

        void add(double itemLoss, double match, double itemSc) {
            items++;
            loss += itemLoss;
            matches += (int) match;
            if (!Double.isNaN(itemSc)) {
                sc += itemSc;
                scItems++;
            }
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "mean target loss %.4f, exact match %d/%d, mean SC %s%s", loss / items,
                    matches, items, scItems == 0 ? "undefined" : String.format(Locale.ROOT, "%.4f over %d", sc / scItems, scItems),
                    skipped == 0 ? "" : " (" + skipped + " longer than the context skipped)");
        }
    }
}
