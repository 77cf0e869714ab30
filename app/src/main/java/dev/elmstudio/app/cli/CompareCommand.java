package dev.elmstudio.app.cli;

import ai.djl.Device;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.elmstudio.app.jobs.ElmRunException;
import dev.elmstudio.app.jobs.ElmRunInputs;
import dev.elmstudio.app.jobs.ElmRunModel;
import dev.elmstudio.app.jobs.ElmRunSettings;
import dev.elmstudio.engine.data.MovieLensDataset;
import dev.elmstudio.engine.data.demo.SimulatedAudience;
import dev.elmstudio.engine.data.embedding.EmbeddingSpace;
import dev.elmstudio.engine.data.task.TaskExample;
import dev.elmstudio.engine.data.task.TaskJsonl;
import dev.elmstudio.engine.elm.ElmArchive;
import dev.elmstudio.engine.elm.ElmModel;
import dev.elmstudio.engine.elm.PromptTemplate;
import dev.elmstudio.engine.encode.MiniLmEncoder;
import dev.elmstudio.engine.eval.BehavioralScore;
import dev.elmstudio.engine.eval.Bootstrap;
import dev.elmstudio.engine.eval.EvalReport;
import dev.elmstudio.engine.eval.ItemScores;
import dev.elmstudio.engine.eval.MetricSummary;
import dev.elmstudio.engine.eval.MovieBehavioralConsistency;
import dev.elmstudio.engine.eval.ReportCsv;
import dev.elmstudio.engine.eval.ReportJson;
import dev.elmstudio.engine.eval.SemanticConsistency;
import dev.elmstudio.engine.eval.TextEmbedder;
import dev.elmstudio.engine.factor.AlsConfig;
import dev.elmstudio.engine.factor.Factors;
import dev.elmstudio.engine.factor.Wals;
import dev.elmstudio.engine.io.AtomicFiles;
import dev.elmstudio.engine.lm.GenerationConfig;
import dev.elmstudio.storage.Dataset;
import dev.elmstudio.storage.EvalResult;
import dev.elmstudio.storage.EvalRun;
import dev.elmstudio.storage.Run;
import dev.elmstudio.storage.RunKind;
import dev.elmstudio.storage.RunStatus;
import dev.elmstudio.storage.Workspace;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code elm compare ELM BASELINE}: the ELM against the text-only baseline on the summaries of films neither was
 * fine-tuned on (the demo's held-out tasks). Both describe each film — the ELM from its vector alone, the baseline
 * from its "Title (year)" — and each text is scored (see {@link SummaryFacts} for the fact metrics):
 * <ul>
 *   <li>{@code sc}: cosine between the text's all-MiniLM-L6-v2 embedding and the film's semantic embedding (the mean
 *       embedding of its reference summary and long description);</li>
 *   <li>{@code bc_ndcg}, {@code bc_spearman}: movie behavioral consistency, through a ridge map text → behavioral
 *       space fitted on training films, over every simulated viewer (ALS user vectors, rebuilt from the dataset);</li>
 *   <li>{@code genre_match}, {@code reception_match}, {@code decade_match}: whether the text states the film's genre,
 *       critical reception and decade as its reference summary does.</li>
 * </ul>
 * The reference summaries themselves are scored too, as the ceiling. Writes report-summary.csv, report-items.csv and
 * report.json, and records one evaluation per run in the workspace.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Score an ELM run against a text-only baseline run on held-out film summaries (SC, BC, facts).")
final class CompareCommand implements Callable<Integer> {
    private static final String COMMAND = "compare";
    private static final String TASK = "summary";
    /** Training films the ridge map text → behavior is fitted on: enough for 384 inputs with shrinkage. */
    private static final int RIDGE_FILMS = 800;
    private static final double RIDGE_LAMBDA = 1.0;

    @Spec
    private CommandSpec spec;

    @Mixin
    WorkspaceOption workspaceOption;

    @Parameters(index = "0", paramLabel = "ELM_RUN", description = "Finished ELM run.")
    long elmRunId;

    @Parameters(index = "1", paramLabel = "BASELINE_RUN", description = "Finished text-only run ('elm train --text-only').")
    long baselineRunId;

    @Option(names = "--tasks", required = true, paramLabel = "FILE",
            description = "Held-out tasks (e.g. the demo dataset's " + DemoImport.HELD_OUT_TASKS_FILE + ").")
    Path tasksFile;

    @Option(names = "--films", description = "Held-out films to score (default ${DEFAULT-VALUE}).")
    int films = 100;

    @Option(names = "--max-tokens", description = "Greedy output length (default ${DEFAULT-VALUE}).")
    int maxTokens = 64;

    @Option(names = "--out", paramLabel = "DIR", description = "Folder for the report files.")
    Path out;

    @Option(names = "--seed", description = "Bootstrap seed (default ${DEFAULT-VALUE}).")
    long seed = 42;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(tasksFile)) {
            throw new CommandFailure(COMMAND + ": file not found: " + tasksFile);
        }
        PrintWriter printer = spec.commandLine().getOut();
        try (Workspace workspace = Workspace.open(workspaceOption.folder())) {
            Run elmRun = finishedElm(workspace, elmRunId);
            Run baselineRun = finishedElm(workspace, baselineRunId);
            ElmRunSettings elmSettings;
            ElmRunSettings baselineSettings;
            ElmRunInputs inputs;
            try {
                elmSettings = ElmRunSettings.fromJson(elmRun.configJson(), elmRunId);
                baselineSettings = ElmRunSettings.fromJson(baselineRun.configJson(), baselineRunId);
                inputs = ElmRunInputs.read(workspace, elmSettings);
            } catch (ElmRunException e) {
                throw new CommandFailure(COMMAND + ": " + e.getMessage(), e);
            }
            if (elmSettings.textOnly() || !baselineSettings.textOnly()) {
                throw new CommandFailure(COMMAND + ": run " + elmRunId + " must be an ELM and run " + baselineRunId
                        + " a text-only baseline ('elm train --text-only')");
            }
            EmbeddingSpace space = inputs.spaces().get(elmSettings.space());
            IntFunction<String> titles = ElmRunModel.titles(workspace, elmSettings);
            Map<Integer, Map<String, String>> heldOut = singleFilmTexts(TaskJsonl.read(tasksFile), space, films);
            Map<Integer, Map<String, String>> training = singleFilmTexts(inputs.tasks(), space, RIDGE_FILMS);
            if (heldOut.isEmpty()) {
                throw new CommandFailure(COMMAND + ": " + tasksFile + " has no '" + TASK + "' task of a film in space '"
                        + space.name() + "'");
            }
            printer.printf("scoring %d held-out films; ridge map fitted on %d training films%n", heldOut.size(), training.size());

            MiniLmEncoder encoder = new MiniLmEncoder();
            TextEmbedder embedder = text -> text == null || text.isBlank()
                    ? new float[encoder.dimension()] : encoder.encode(List.of(text)).get(0);
            Map<Integer, float[]> semantic = semanticEmbeddings(encoder, heldOut);
            Map<Integer, float[]> trainingSemantic = semanticEmbeddings(encoder, training);
            List<float[]> ridgeInputs = new ArrayList<>();
            List<float[]> ridgeTargets = new ArrayList<>();
            trainingSemantic.forEach((id, vector) -> {
                ridgeInputs.add(vector);
                ridgeTargets.add(space.byId().apply(id));
            });
            MovieBehavioralConsistency bc = new MovieBehavioralConsistency(embedder,
                    MovieBehavioralConsistency.fitTextToBehavior(ridgeInputs, ridgeTargets, RIDGE_LAMBDA),
                    users(workspace, elmSettings, space));
            SemanticConsistency sc = new SemanticConsistency(embedder);

            List<ItemScores> items = new ArrayList<>();
            Map<String, List<EvalResult>> recorded = new LinkedHashMap<>();
            try (ElmModel elm = ElmArchive.load(elmFolder(workspace, elmRunId), Device.cpu());
                    ElmModel baseline = ElmArchive.load(elmFolder(workspace, baselineRunId), Device.cpu())) {
                for (Map.Entry<Integer, Map<String, String>> film : heldOut.entrySet()) {
                    int id = film.getKey();
                    String prompt = film.getValue().get("prompt");
                    String reference = film.getValue().get(TASK);
                    String title = titles.apply(id);
                    String elmText = generate(elm, PromptTemplate.of(prompt, ElmRunModel.ADAPTER_SPACE),
                            Map.of("movie", space.byId().apply(id)));
                    String baselineText = generate(baseline, PromptTemplate.of(ElmRunModel.slotsAsText(prompt,
                            Map.of("movie", id), titles), ElmRunModel.ADAPTER_SPACE), Map.of());
                    for (String[] model : new String[][] {{"elm", elmText}, {"baseline", baselineText},
                            {"reference", reference}}) {
                        Map<String, Double> scores = scores(model[1], reference, semantic.get(id),
                                space.byId().apply(id), sc, bc);
                        items.add(new ItemScores(model[0] + ":" + TASK, Integer.toString(id), title, model[1], scores));
                        if (!model[0].equals("reference")) {
                            List<EvalResult> rows = recorded.computeIfAbsent(model[0], k -> new ArrayList<>());
                            scores.forEach((metric, value) -> {
                                if (!value.isNaN()) { // undefined (a blank text has no SC): no row, as in the report
                                    rows.add(new EvalResult(TASK, Integer.toString(id), metric, value, model[1]));
                                }
                            });
                        }
                    }
                }
            }
            EvalReport report = EvalReport.summarize(items, Bootstrap.ninetyFivePercent(seed));
            if (out != null) { // first: minutes of generation are not lost if recording fails
                Files.createDirectories(out);
                AtomicFiles.writeString(out.resolve("report-summary.csv"), ReportCsv.summary(report));
                AtomicFiles.writeString(out.resolve("report-items.csv"), ReportCsv.items(report));
                AtomicFiles.writeString(out.resolve("report.json"), ReportJson.write(report));
            }
            record(workspace, elmRunId, recorded.get("elm"), "compare: ELM run " + elmRunId);
            record(workspace, baselineRunId, recorded.get("baseline"), "compare: text-only baseline run " + baselineRunId);
            printTable(printer, report);
        }
        return 0;
    }

    private static Map<String, Double> scores(String text, String reference, float[] semantic, float[] behavioral,
            SemanticConsistency sc, MovieBehavioralConsistency bc) {
        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put("sc", sc.score(text, semantic));
        BehavioralScore behavior = text.isBlank() ? new BehavioralScore(Double.NaN, Double.NaN) : bc.score(text, behavioral);
        scores.put("bc_ndcg", behavior.ndcg());
        scores.put("bc_spearman", behavior.spearman());
        SummaryFacts truth = SummaryFacts.of(reference);
        SummaryFacts said = SummaryFacts.of(text);
        scores.put("genre_match", truth.genreMatch(said));
        scores.put("reception_match", truth.receptionMatch(said));
        scores.put("decade_match", truth.decadeMatch(said));
        return scores;
    }

    private String generate(ElmModel model, PromptTemplate template, Map<String, float[]> vectors) {
        return model.generate(template, vectors, GenerationConfig.greedy(maxTokens), null).text().strip();
    }

    /**
     * Per film with a {@code summary} task: its prompt, summary and long description (the texts its semantic
     * embedding is the mean of), for at most {@code limit} films in file order.
     */
    private static Map<Integer, Map<String, String>> singleFilmTexts(List<TaskExample> tasks, EmbeddingSpace space,
            int limit) {
        java.util.Set<Integer> inSpace = new java.util.HashSet<>();
        for (int id : space.ids()) {
            inSpace.add(id);
        }
        Map<Integer, Map<String, String>> byFilm = new LinkedHashMap<>();
        for (TaskExample t : tasks) {
            if (t.slots().size() != 1 || !t.slots().containsKey("movie") || !inSpace.contains(t.slots().get("movie"))) {
                continue;
            }
            int id = t.slots().get("movie");
            if (t.task().equals(TASK) && !byFilm.containsKey(id) && byFilm.size() < limit) {
                byFilm.put(id, new LinkedHashMap<>(Map.of("prompt", t.prompt(), TASK, t.target())));
            }
        }
        for (TaskExample t : tasks) {
            if (t.task().equals("long_description") && t.slots().size() == 1 && byFilm.containsKey(t.slots().get("movie"))) {
                byFilm.get(t.slots().get("movie")).put("long_description", t.target());
            }
        }
        return byFilm;
    }

    private static Map<Integer, float[]> semanticEmbeddings(MiniLmEncoder encoder, Map<Integer, Map<String, String>> films) {
        Map<Integer, float[]> out = new LinkedHashMap<>();
        films.forEach((id, texts) -> {
            List<String> describing = new ArrayList<>(List.of(texts.get(TASK)));
            if (texts.containsKey("long_description")) {
                describing.add(texts.get("long_description"));
            }
            List<float[]> encoded = encoder.encode(describing);
            float[] mean = new float[encoded.get(0).length];
            for (float[] e : encoded) {
                for (int i = 0; i < mean.length; i++) {
                    mean[i] += e[i] / encoded.size();
                }
            }
            out.put(id, mean);
        });
        return out;
    }

    /**
     * The simulated viewers' ALS vectors, rebuilt from the dataset's ratings with the world's seed. The rebuilt movie
     * vectors must be the space's, or the users would not belong to it.
     */
    private static List<float[]> users(Workspace workspace, ElmRunSettings settings, EmbeddingSpace space) {
        Dataset dataset = WorkspaceDatasets.require(workspace, COMMAND, settings.dataset());
        JsonObject stats = JsonParser.parseString(dataset.statsJson()).getAsJsonObject();
        long worldSeed = stats.has(DemoImport.SEED_STAT) ? stats.get(DemoImport.SEED_STAT).getAsLong()
                : SimulatedAudience.Config.defaults().seed();
        MovieLensDataset data = WorkspaceDatasets.load(dataset, COMMAND);
        Factors factors = new Wals(AlsConfig.defaults().withSeed(worldSeed)).train(data.ratings());
        EmbeddingSpace rebuilt = EmbeddingSpace.movies(space.name(), factors);
        float worst = 0;
        for (int row = 0; row < space.size(); row++) {
            float[] a = space.vector(row);
            float[] b = rebuilt.byId().apply(space.ids()[row]);
            if (b == null) {
                worst = Float.POSITIVE_INFINITY;
                break;
            }
            for (int i = 0; i < a.length; i++) {
                worst = Math.max(worst, Math.abs(a[i] - b[i]));
            }
        }
        if (worst > 1e-3f) {
            throw new CommandFailure(COMMAND + ": space '" + space.name() + "' is not the ALS space of dataset '"
                    + dataset.name() + "' with seed " + worldSeed + " (largest difference " + worst
                    + "), so its viewers cannot be rebuilt for behavioral consistency");
        }
        EmbeddingSpace users = EmbeddingSpace.users("users", factors);
        List<float[]> out = new ArrayList<>();
        for (int u = 0; u < users.size(); u++) {
            out.add(users.vector(u));
        }
        return out;
    }

    private static Run finishedElm(Workspace workspace, long runId) {
        Run run = workspace.runs().get(runId).orElseThrow(() -> new CommandFailure(COMMAND + ": no run " + runId
                + " in " + workspace.folder() + " (see 'elm runs')"));
        if (run.kind() != RunKind.ELM || !Files.isRegularFile(elmFolder(workspace, runId).resolve(ElmArchive.MANIFEST_FILE))) {
            throw new CommandFailure(COMMAND + ": run " + runId + " is not a finished ELM run (status "
                    + run.status().dbValue() + ")");
        }
        return run;
    }

    private static Path elmFolder(Workspace workspace, long runId) {
        return TrainCommand.runFolder(workspace, runId).resolve(TrainCommand.ELM_FOLDER);
    }

    private void record(Workspace workspace, long runId, List<EvalResult> rows, String name) {
        JsonObject config = new JsonObject();
        config.addProperty("tasks", tasksFile.toAbsolutePath().toString());
        config.addProperty("task", TASK);
        config.addProperty("films", films);
        config.addProperty("max_tokens", maxTokens);
        config.addProperty("decoding", "greedy");
        config.addProperty("elm_run_id", elmRunId);
        config.addProperty("baseline_run_id", baselineRunId);
        EvalRun eval = workspace.evals().create(runId, name, config.toString());
        workspace.evals().appendResults(eval.id(), rows);
        workspace.evals().updateStatus(eval.id(), RunStatus.FINISHED);
        spec.commandLine().getOut().printf("evaluation %d recorded for run %d%n", eval.id(), runId);
    }

    private static void printTable(PrintWriter out, EvalReport report) {
        List<String> metrics = List.of("sc", "bc_ndcg", "bc_spearman", "genre_match", "reception_match", "decade_match");
        out.printf("%-16s %-30s %-30s %-30s%n", "metric", "ELM", "text-only baseline", "reference");
        for (String metric : metrics) {
            out.printf("%-16s %-30s %-30s %-30s%n", metric, cell(report.summary("elm:" + TASK, metric)),
                    cell(report.summary("baseline:" + TASK, metric)), cell(report.summary("reference:" + TASK, metric)));
        }
    }

    private static String cell(MetricSummary m) {
        return String.format(Locale.ROOT, "%.3f [%.3f, %.3f] (%d)", m.mean(), m.lower(), m.upper(), m.items());
    }
}
