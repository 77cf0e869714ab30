package dev.elmstudio.app.cli;

import ai.djl.Device;
import dev.elmstudio.app.compare.BaselineContract;
import dev.elmstudio.app.compare.FilmSlots;
import dev.elmstudio.app.compare.TextOnlyModel;
import dev.elmstudio.app.jobs.ElmRunException;
import dev.elmstudio.app.jobs.ElmRunInputs;
import dev.elmstudio.app.jobs.ElmRunModel;
import dev.elmstudio.app.jobs.ElmRunSettings;
import dev.elmstudio.app.jobs.ElmTrainingJob;
import dev.elmstudio.app.jobs.TrainingGate;
import dev.elmstudio.engine.checkpoint.LmCheckpoint;
import dev.elmstudio.engine.data.Movie;
import dev.elmstudio.engine.data.MovieLensDataset;
import dev.elmstudio.engine.data.task.TaskExample;
import dev.elmstudio.engine.elm.ElmExample;
import dev.elmstudio.engine.elm.ElmModel;
import dev.elmstudio.engine.elm.ElmTrainer;
import dev.elmstudio.engine.elm.ElmTrainingConfig;
import dev.elmstudio.engine.elm.StageConfig;
import dev.elmstudio.engine.lm.CausalLm;
import dev.elmstudio.engine.tokenizer.Tokenizer;
import dev.elmstudio.engine.train.TrainingControl;
import dev.elmstudio.storage.BaseModel;
import dev.elmstudio.storage.Run;
import dev.elmstudio.storage.Workspace;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code elm baseline --elm RUN}: fine-tunes the text-only baseline an ELM run is compared with. It starts from the
 * run's own base model (its folder, or the same seeded fresh GPT), trains on the run's task examples with each slot
 * replaced by the film's "Title (year)", in one full stage of as many updates as the ELM's two stages together
 * (it has no adapter to warm up), and registers the result per {@link BaselineContract}.
 */
@Command(name = "baseline", mixinStandardHelpOptions = true,
        description = "Fine-tune and register the text-only baseline of an ELM run (titles instead of embeddings).")
final class BaselineCommand implements Callable<Integer> {
    private static final String COMMAND = "baseline";
    static final String FOLDER = "baseline";

    @Spec
    private CommandSpec spec;

    @Mixin
    WorkspaceOption workspaceOption;

    @Option(names = "--elm", paramLabel = "RUN", required = true, description = "The ELM run to build a baseline for.")
    long elmRun;

    @Option(names = "--steps", description = "Updates (default: the run's stage 1 + stage 2 steps).")
    Integer steps;

    @Option(names = "--batch", description = "Examples per update (default: the run's).")
    Integer batch;

    @Option(names = "--lr", description = "Learning rate (default: the run's stage 2 rate).")
    Double learningRate;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        try (Workspace workspace = Workspace.open(workspaceOption.folder())) {
            Run run = ElmRuns.require(workspace, COMMAND, elmRun);
            ElmRunSettings settings;
            ElmRunInputs inputs;
            try {
                settings = ElmRunSettings.fromJson(run.configJson(), elmRun);
                inputs = ElmRunInputs.read(workspace, settings);
            } catch (ElmRunException e) {
                throw new CommandFailure(COMMAND + ": " + e.getMessage(), e);
            }
            MovieLensDataset data = WorkspaceDatasets.load(WorkspaceDatasets.require(workspace, COMMAND, settings.dataset()), COMMAND);
            IntFunction<String> titleOf = id -> data.catalogue().byId(id).map(Movie::displayTitle).orElse(null);
            // The baseline names films by title: an item with a user in a slot has no words to give.
            List<TaskExample> items = ElmRunModel.withVectors(settings, inputs);
            List<TaskExample> named = items.stream()
                    .filter(t -> FilmSlots.allFilms(settings, t, data.catalogue())).toList();
            Path runFolder = ElmTrainingJob.runFolder(workspace, elmRun);
            Path tokenizerFile = ElmTrainingJob.tokenizerFile(workspace, elmRun, settings);
            if (!Files.isRegularFile(tokenizerFile)) {
                throw new CommandFailure(COMMAND + ": run " + elmRun + " has no tokenizer at " + tokenizerFile);
            }
            try (TrainingGate.Lease gate = TrainingGate.enter("text-only baseline of run " + elmRun);
                    Tokenizer tokenizer = Tokenizer.load(tokenizerFile);
                    ElmModel model = textOnly(settings, tokenizer)) {
                List<ElmExample> examples = new ArrayList<>();
                named.forEach(t -> examples.add(ElmRunModel.textOnlyExample(t, titleOf)));
                int dropped = ElmRunModel.dropTooLong(model, examples);
                if (examples.isEmpty()) {
                    throw new CommandFailure(COMMAND + ": no task example of dataset '" + settings.dataset()
                            + "' names only films and fits the LM's context with titles in its slots");
                }
                out.printf("%d training examples%s%s%n", examples.size(),
                        items.size() == named.size() ? "" : " (" + (items.size() - named.size())
                                + " with a slot that is not a film skipped)",
                        dropped == 0 ? "" : " (" + dropped + " longer than the context dropped)");
                StageConfig stage = stage(settings, examples.size());
                ProgressPrinter progress = new ProgressPrinter(out, System.console() != null);
                new ElmTrainer(model, examples, List.of(), ElmTrainingConfig.of(StageConfig.skipped(), stage, settings.seed()))
                        .withListener((s, event) -> progress.onEvent(event)).withControl(new TrainingControl()).run();
                Path folder = save(model.lm(), tokenizerFile, runFolder);
                BaseModel registered = workspace.baseModels().create(uniqueName(workspace), folder,
                        BaselineContract.configJson(elmRun));
                out.printf("baseline of run %d: base model %d '%s' in %s%n", elmRun, registered.id(), registered.name(), folder);
                return 0;
            }
        }
    }

    private StageConfig stage(ElmRunSettings settings, int trainExamples) {
        try {
            // As many updates as the ELM's two stages together (epochs counted as the steps they came to).
            int n = steps != null ? steps : ElmTrainingJob.trainingConfig(settings, trainExamples, null).totalSteps();
            return StageConfig.of(n, batch != null ? batch : settings.stage2BatchSize(),
                    learningRate != null ? learningRate : settings.stage2Lr());
        } catch (IllegalArgumentException | ElmRunException e) {
            throw new CommandFailure(COMMAND + ": " + e.getMessage(), e);
        }
    }

    private static ElmModel textOnly(ElmRunSettings settings, Tokenizer tokenizer) throws IOException {
        CausalLm lm = ElmRunModel.baseLm(settings, tokenizer, Device.cpu());
        try {
            return new ElmModel(lm, tokenizer, Map.of(), settings.seed());
        } catch (RuntimeException e) {
            lm.close();
            throw e;
        }
    }

    /**
     * Writes the LM folder beside the ELM ({@code baseline/}, then {@code baseline-2/}, …): written whole in a
     * scratch folder and renamed, so a crash never leaves a half folder under a name the contract points at.
     */
    private static Path save(CausalLm lm, Path tokenizerFile, Path runFolder) throws IOException {
        Path target = runFolder.resolve(FOLDER);
        for (int k = 2; Files.exists(target); k++) {
            target = runFolder.resolve(FOLDER + "-" + k);
        }
        Path scratch = Files.createTempDirectory(Files.createDirectories(runFolder), FOLDER + ".partial-");
        LmCheckpoint.save(lm, scratch);
        Files.copy(tokenizerFile, scratch.resolve(TextOnlyModel.TOKENIZER_FILE));
        Files.move(scratch, target, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    private String uniqueName(Workspace workspace) {
        String name = "text-only baseline of run " + elmRun;
        String candidate = name;
        for (int k = 2; workspace.baseModels().findByName(candidate).isPresent(); k++) {
            candidate = name + " (" + k + ")";
        }
        return candidate;
    }
}
