package dev.elmstudio.app.demo;

import ai.djl.Device;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.elmstudio.app.cli.DemoImport;
import dev.elmstudio.engine.data.demo.SimulatedAudience;
import dev.elmstudio.engine.elm.ElmArchive;
import dev.elmstudio.engine.elm.ElmExport;
import dev.elmstudio.engine.elm.ElmModel;
import dev.elmstudio.engine.eval.ItemScores;
import dev.elmstudio.engine.eval.ReportCsv;
import dev.elmstudio.engine.io.AtomicFiles;
import dev.elmstudio.storage.BaseModel;
import dev.elmstudio.storage.CheckpointFiles;
import dev.elmstudio.storage.Dataset;
import dev.elmstudio.storage.EvalResult;
import dev.elmstudio.storage.EvalRun;
import dev.elmstudio.storage.Run;
import dev.elmstudio.storage.RunKind;
import dev.elmstudio.storage.RunStatus;
import dev.elmstudio.storage.Workspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The demo workspace, built from the shipped {@link DemoAssets} in seconds, with nothing trained or downloaded:
 * <ul>
 *   <li>dataset {@value #DATASET}: the simulated audience's ratings, the shipped behavioral space, the shipped
 *       semantic space (so Explore and Compare score SC without encoding anything) and the tasks (the same seed and
 *       held-out films as the build, through {@link DemoImport});</li>
 *   <li>base model {@value #BASE_MODEL} (the pretrained LM) in {@code base_models};</li>
 *   <li>the ELM as a finished run of kind elm, its folder in {@code checkpoints/run-<id>/elm} as 'elm train' leaves
 *       it, and its weight files recorded as checkpoints (size, SHA-256);</li>
 *   <li>the text-only baseline as base model {@value #BASELINE_MODEL} (a plain LM folder, LoRA merged) whose
 *       config_json is {@code {"role":"text-only-baseline","elm_run_id":<id>,"slot_text":"title_with_year"}};</li>
 *   <li>the build's evaluation (ELM, baseline and reference summaries) in {@code eval_runs}/{@code eval_results}.</li>
 * </ul>
 * Built in a sibling folder and renamed into place, so a workspace is complete or absent. A marker file ties it to the
 * assets it came from: {@link #openOrBuild} reuses a valid one and rebuilds one made from other assets.
 */
public final class DemoWorkspace {
    public static final String DATASET = "demo";
    public static final String BASE_MODEL = "demo-base-lm";
    public static final String BASELINE_MODEL = "demo-text-only-baseline";
    static final String MARKER_FILE = "demo-workspace.json";
    static final String MODELS_FOLDER = "models";
    /** Well-known films the app opens on, first one present wins; acclaim in the middle leaves room to slide. */
    /**
     * The concept the demo opens on: the simulated audience tags acclaimed films "masterpiece", so its slider is the
     * issue's "more acclaimed" and rewrites the featured film's reception.
     */
    public static final String FOCUS_CONCEPT = "tag:masterpiece";
    static final List<String> FEATURED_TITLES = List.of("Twister", "Speed", "Jurassic Park", "Toy Story");

    /**
     * A ready demo workspace.
     *
     * @param focusMovieId the film the app selects first
     * @param focusTitle its "Title (year)"
     */
    public record Opened(Path folder, long elmRunId, int focusMovieId, String focusTitle) {}

    private DemoWorkspace() {}

    /** The demo workspace's default place: the user's data folder (XDG on Linux, the platform's own elsewhere). */
    public static Path defaultFolder() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        Path data;
        if (os.contains("win")) {
            String local = System.getenv("LOCALAPPDATA");
            data = local != null ? Path.of(local) : home.resolve("AppData").resolve("Local");
        } else if (os.contains("mac")) {
            data = home.resolve("Library").resolve("Application Support");
        } else {
            String xdg = System.getenv("XDG_DATA_HOME");
            data = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local").resolve("share");
        }
        return data.resolve("elm-studio").resolve("demo");
    }

    /**
     * The demo workspace in {@code folder}: reused when it was built from these assets and is intact, else (re)built.
     * A folder that holds something else is refused, never overwritten; a demo workspace from other assets is moved
     * aside (to {@code <folder>.previous-<time>}), not deleted, as it may hold the user's own runs.
     */
    public static Opened openOrBuild(DemoAssets assets, Path folder) throws IOException {
        Path target = folder.toAbsolutePath().normalize();
        Optional<Opened> valid = reuse(assets, target);
        if (valid.isPresent()) {
            return valid.get();
        }
        if (Files.exists(target)) {
            if (!Files.isRegularFile(target.resolve(MARKER_FILE))) {
                if (!isEmptyFolder(target)) {
                    throw new IOException(target + " exists and is not a demo workspace; move it away or choose"
                            + " another folder for the demo");
                }
                Files.delete(target);
            } else {
                Files.move(target, target.resolveSibling(target.getFileName() + ".previous-" + System.currentTimeMillis()));
            }
        }
        return build(assets, target);
    }

    /** Builds the demo workspace in {@code folder}, which must not exist yet. */
    public static Opened build(DemoAssets assets, Path folder) throws IOException {
        assets.check();
        Path target = folder.toAbsolutePath().normalize();
        if (Files.exists(target)) {
            throw new IOException(target + " already exists; the demo workspace is built in a new folder");
        }
        Files.createDirectories(target.getParent());
        Path temp = target.resolveSibling("." + target.getFileName() + ".building-" + System.nanoTime());
        try {
            Opened built = buildInto(assets, temp, target);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            return built;
        } catch (IOException | RuntimeException e) {
            AtomicFiles.deleteTree(temp);
            throw e;
        }
    }

    private static Opened buildInto(DemoAssets assets, Path temp, Path finalFolder) throws IOException {
        JsonObject build = assets.buildInfo();
        long seed = build.get("seed").getAsLong();
        int heldOut = build.get("held_out_films").getAsInt();
        long elmRunInBuild = build.get("elm_run").getAsLong();
        try (Workspace workspace = Workspace.openOrCreate(temp)) {
            SimulatedAudience.Config audience = new SimulatedAudience.Config(SimulatedAudience.Config.defaults().viewers(), seed);
            DemoImport.Result imported = DemoImport.run(workspace, new DemoImport.Request(assets.films(), DATASET, audience,
                    heldOut, assets.space(), null, DemoImport.Semantic.readyMade(assets.semanticSpace())), null);

            Path models = temp.resolve(MODELS_FOLDER);
            Path baseFolder = models.resolve(BASE_MODEL);
            copyFolder(assets.baseLm(), baseFolder);
            Path finalBase = finalFolder.resolve(MODELS_FOLDER).resolve(BASE_MODEL);
            JsonObject baseConfig = new JsonObject();
            baseConfig.addProperty("role", "base");
            baseConfig.addProperty("source", "demo assets (elm pretrain on the demo films' texts)");
            workspace.baseModels().create(BASE_MODEL, baseFolder, baseConfig.toString());

            // The run's settings as the build recorded them, pointing at this workspace's copy of the base model.
            JsonObject settings = assets.runConfig(elmRunInBuild);
            settings.addProperty("baseModel", finalBase.toString());
            if (!settings.has("loraTargets") || settings.get("loraTargets").isJsonNull()) {
                // the settings of an older 'elm train' left them implicit; the ELM's manifest says which they are
                JsonObject manifest = JsonParser.parseString(Files.readString(assets.elm().resolve(ElmArchive.MANIFEST_FILE)))
                        .getAsJsonObject();
                if (manifest.has("lora")) {
                    settings.add("loraTargets", manifest.getAsJsonObject("lora").get("targets"));
                }
            }
            int steps = settings.get("stage1Steps").getAsInt() + settings.get("stage2Steps").getAsInt();
            Run run = workspace.runs().create(RunKind.ELM, "demo ELM (behavioral space)", settings.toString(), 2);
            Path elmFolder = workspace.checkpointsFolder().resolve("run-" + run.id()).resolve("elm");
            try (ElmModel elm = ElmArchive.load(assets.elm(), Device.cpu())) {
                ElmArchive.save(elm, elmFolder); // a whole ELM folder, LM included, as 'elm train' leaves one
            }
            try (Stream<Path> files = Files.walk(elmFolder)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".safetensors")).sorted().toList()) {
                    workspace.checkpoints().record(run.id(), 2, steps, file);
                }
            }
            if (Files.isRegularFile(assets.elmRun())) { // the training curves, for the Runs panel
                workspace.metrics().append(run.id(), assets.elmMetrics());
            }
            workspace.runs().updateStatus(run.id(), RunStatus.FINISHED);

            Path baselineFolder = models.resolve(BASELINE_MODEL);
            try (ElmModel baseline = ElmArchive.load(assets.baseline(), Device.cpu())) {
                ElmExport.exportMergedLm(baseline, baselineFolder);
            }
            JsonObject baselineConfig = new JsonObject();
            baselineConfig.addProperty("role", "text-only-baseline");
            baselineConfig.addProperty("elm_run_id", run.id());
            baselineConfig.addProperty("slot_text", "title_with_year");
            BaseModel baselineModel = workspace.baseModels().create(BASELINE_MODEL, baselineFolder, baselineConfig.toString());

            recordEvaluation(workspace, assets, run.id(), baselineModel.id());
            Featured featured = featured(imported.dataset(), workspace);
            JsonObject marker = new JsonObject();
            marker.addProperty("assets_fingerprint", fingerprint(assets));
            marker.addProperty("elm_run_id", run.id());
            marker.addProperty("focus_movie_id", featured.id());
            marker.addProperty("focus_title", featured.title());
            AtomicFiles.writeString(temp.resolve(MARKER_FILE), marker.toString());
            return new Opened(finalFolder, run.id(), featured.id(), featured.title());
        }
    }

    /** The build's report: one evaluation per model (ELM run, baseline, reference texts), item by item. */
    private static void recordEvaluation(Workspace workspace, DemoAssets assets, long elmRunId, long baselineModelId)
            throws IOException {
        List<ItemScores> items = ReportCsv.readItems(Files.readString(assets.evalItems(), StandardCharsets.UTF_8));
        Map<String, List<EvalResult>> byModel = new LinkedHashMap<>();
        for (ItemScores item : items) {
            int colon = item.task().indexOf(':');
            String model = colon < 0 ? "elm" : item.task().substring(0, colon);
            String task = colon < 0 ? item.task() : item.task().substring(colon + 1);
            List<EvalResult> rows = byModel.computeIfAbsent(model, k -> new ArrayList<>());
            item.scores().forEach((metric, value) -> {
                if (!value.isNaN()) { // an undefined score (NaN in the report) is no row
                    rows.add(new EvalResult(task, item.itemId(), metric, value, item.output()));
                }
            });
        }
        for (Map.Entry<String, List<EvalResult>> model : byModel.entrySet()) {
            JsonObject config = new JsonObject();
            config.addProperty("source", "demo assets (elm compare on held-out films)");
            config.addProperty("model", model.getKey());
            config.addProperty("elm_run_id", elmRunId);
            if (model.getKey().equals("baseline")) {
                config.addProperty("base_model_id", baselineModelId);
            }
            String name = switch (model.getKey()) {
                case "elm" -> "demo: ELM on held-out films";
                case "baseline" -> "demo: text-only baseline on held-out films";
                default -> "demo: " + model.getKey() + " texts on held-out films";
            };
            EvalRun eval = workspace.evals().create(model.getKey().equals("elm") ? elmRunId : null, name, config.toString());
            workspace.evals().appendResults(eval.id(), model.getValue());
            workspace.evals().updateStatus(eval.id(), RunStatus.FINISHED);
        }
    }

    private record Featured(int id, String title) {}

    private static Featured featured(Dataset dataset, Workspace workspace) throws IOException {
        var catalogue = dev.elmstudio.engine.data.DatasetFiles.read(dataset.path()).catalogue();
        for (String title : FEATURED_TITLES) {
            for (var movie : catalogue.movies()) {
                if (movie.title().equals(title)) {
                    return new Featured(movie.id(), movie.title() + " (" + movie.year() + ")");
                }
            }
        }
        var first = catalogue.movies().get(0);
        return new Featured(first.id(), first.title() + " (" + first.year() + ")");
    }

    /** A valid demo workspace in {@code folder} built from these assets, if there is one. */
    static Optional<Opened> reuse(DemoAssets assets, Path folder) {
        Path markerFile = folder.resolve(MARKER_FILE);
        if (!Files.isRegularFile(markerFile) || !Files.isRegularFile(folder.resolve(Workspace.DATABASE_FILE))) {
            return Optional.empty();
        }
        try {
            JsonObject marker = JsonParser.parseString(Files.readString(markerFile)).getAsJsonObject();
            if (!fingerprint(assets).equals(marker.get("assets_fingerprint").getAsString())) {
                return Optional.empty();
            }
            long runId = marker.get("elm_run_id").getAsLong();
            try (Workspace workspace = Workspace.openReadOnly(folder)) {
                Optional<Run> run = workspace.runs().get(runId);
                if (run.isEmpty() || run.get().status() != RunStatus.FINISHED
                        || workspace.datasets().findByName(DATASET).isEmpty()
                        || workspace.baseModels().findByName(BASELINE_MODEL).isEmpty()) {
                    return Optional.empty();
                }
                var checkpoints = workspace.checkpoints().list(runId);
                if (checkpoints.isEmpty()) {
                    return Optional.empty();
                }
                checkpoints.forEach(CheckpointFiles::verify); // a damaged weight file means: build afresh
            }
            return Optional.of(new Opened(folder, runId, marker.get("focus_movie_id").getAsInt(),
                    marker.get("focus_title").getAsString()));
        } catch (IOException | RuntimeException damaged) {
            return Optional.empty();
        }
    }

    /**
     * Identifies the assets a workspace was built from: their build record, the ELM's own weights and the semantic
     * space (shipped later than the rest, so a workspace built before it is rebuilt with it).
     */
    static String fingerprint(DemoAssets assets) {
        return CheckpointFiles.sha256(assets.build()) + ":" + CheckpointFiles.sha256(assets.elm().resolve(ElmArchive.ADAPTERS_FILE))
                + ":" + CheckpointFiles.sha256(assets.semanticSpace());
    }

    private static boolean isEmptyFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        }
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, to.resolve(file.getFileName().toString()));
            }
        }
    }
}
