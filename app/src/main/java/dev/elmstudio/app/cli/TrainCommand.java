package dev.elmstudio.app.cli;

import dev.elmstudio.engine.data.embedding.EmbeddingSpace;
import dev.elmstudio.engine.data.task.TaskExample;
import dev.elmstudio.engine.data.task.TaskJsonl;
import dev.elmstudio.engine.elm.ElmArchive;
import dev.elmstudio.engine.elm.ElmExample;
import dev.elmstudio.engine.elm.ElmModel;
import dev.elmstudio.engine.elm.ElmTrainer;
import dev.elmstudio.engine.elm.ElmTrainingConfig;
import dev.elmstudio.engine.elm.ElmTrainingListener;
import dev.elmstudio.engine.elm.ElmTrainingResult;
import dev.elmstudio.engine.elm.Stage;
import dev.elmstudio.engine.elm.StageConfig;
import dev.elmstudio.engine.tokenizer.Tokenizer;
import dev.elmstudio.engine.train.TrainingControl;
import dev.elmstudio.engine.train.TrainingEvent;
import dev.elmstudio.storage.Dataset;
import dev.elmstudio.storage.EmbeddingSpaceRecord;
import dev.elmstudio.storage.Run;
import dev.elmstudio.storage.RunKind;
import dev.elmstudio.storage.RunStatus;
import dev.elmstudio.storage.TrainingRecorder;
import dev.elmstudio.storage.Workspace;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code elm train}: two-stage ELM training on a dataset's tasks and one of its embedding spaces, recorded in the
 * workspace (run, stage, metrics, checkpoints). The run's files live in {@code checkpoints/run-<id>/}: the
 * tokenizer, resumable {@code step-*} checkpoints and, when it finishes, the ELM folder {@code elm/}.
 * {@code --resume RUN} continues an interrupted run from its last checkpoint with the settings it was started with.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train an ELM (stage 1: adapter only, stage 2: everything) on a dataset's tasks.")
final class TrainCommand implements Callable<Integer> {
    static final String COMMAND = "train";
    static final String TOKENIZER_FILE = "tokenizer.json";
    static final String STEPS_FOLDER = "steps";
    static final String ELM_FOLDER = "elm";

    @Spec
    private CommandSpec spec;

    @Mixin
    WorkspaceOption workspaceOption;

    @Option(names = "--dataset", description = "Dataset with imported tasks.")
    String dataset;

    @Option(names = "--space", description = "Embedding space of the dataset the adapter reads.")
    String space;

    @Option(names = "--resume", paramLabel = "RUN", description = "Continue run RUN from its last checkpoint.")
    Long resumeRun;

    @Option(names = "--base-model", paramLabel = "DIR", description = "LM folder to start from (default: a fresh tiny GPT).")
    Path baseModel;

    @Option(names = "--layers", description = "Fresh GPT layers (default ${DEFAULT-VALUE}).")
    int layers = 2;

    @Option(names = "--width", description = "Fresh GPT width (default ${DEFAULT-VALUE}).")
    int width = 32;

    @Option(names = "--heads", description = "Fresh GPT heads (default ${DEFAULT-VALUE}).")
    int heads = 4;

    @Option(names = "--context", description = "Fresh GPT positions (default ${DEFAULT-VALUE}).")
    int context = 128;

    @Option(names = "--vocab", description = "Fresh tokenizer vocabulary (default ${DEFAULT-VALUE}).")
    int vocab = 512;

    @Option(names = "--adapter-hidden", description = "Adapter hidden width (default ${DEFAULT-VALUE}).")
    int adapterHidden = 64;

    @Option(names = "--stage1-steps", description = "Adapter-only updates (default ${DEFAULT-VALUE}).")
    int stage1Steps = 20;

    @Option(names = "--stage2-steps", description = "Full updates (default ${DEFAULT-VALUE}).")
    int stage2Steps = 20;

    @Option(names = "--batch", description = "Examples per update (default ${DEFAULT-VALUE}).")
    int batch = 8;

    @Option(names = "--stage1-lr", description = "Default ${DEFAULT-VALUE}.")
    double stage1Lr = 1e-3;

    @Option(names = "--stage2-lr", description = "Default ${DEFAULT-VALUE}.")
    double stage2Lr = 3e-4;

    @Option(names = "--checkpoint-interval", description = "Updates between checkpoints (default ${DEFAULT-VALUE}).")
    int checkpointInterval = 10;

    @Option(names = "--seed", description = "Default ${DEFAULT-VALUE}.")
    long seed = 0;

    @Override
    public Integer call() throws IOException {
        if (resumeRun == null && (dataset == null || space == null)) {
            throw new CommandFailure(COMMAND + ": give --dataset and --space, or --resume RUN");
        }
        if (resumeRun != null && (dataset != null || space != null)) {
            throw new CommandFailure(COMMAND + ": --resume continues a run with its own dataset and space; drop --dataset and --space");
        }
        if (baseModel != null && !Files.isRegularFile(baseModel.resolve("config.json"))) {
            throw new CommandFailure(COMMAND + ": " + baseModel + " is not a model folder (no config.json)");
        }
        if (baseModel != null && !Files.isRegularFile(baseModel.resolve(TOKENIZER_FILE))) {
            throw new CommandFailure(COMMAND + ": " + baseModel + " has no " + TOKENIZER_FILE + " (the ELM needs the LM's tokenizer)");
        }
        if (resumeRun == null && baseModel == null && (layers < 1 || heads < 1 || width % heads != 0 || context < 8)) {
            throw new CommandFailure(COMMAND + ": the fresh GPT needs --layers >= 1, --context >= 8 and --width a"
                    + " multiple of --heads (got layers " + layers + ", width " + width + ", heads " + heads
                    + ", context " + context + ")");
        }
        try (Workspace workspace = Workspace.open(workspaceOption.folder())) {
            return resumeRun == null ? start(workspace) : resume(workspace);
        }
    }

    private int start(Workspace workspace) throws IOException {
        TrainSettings settings = new TrainSettings(dataset, space,
                baseModel == null ? null : baseModel.toAbsolutePath().toString(), layers, width, heads, context, vocab,
                adapterHidden, stage1Steps, stage2Steps, batch, stage1Lr, stage2Lr, checkpointInterval, seed);
        ElmTrainingConfig config = trainingConfig(settings, null); // checks the numbers before anything is written
        RunInputs inputs = RunInputs.read(workspace, settings);
        Run run = workspace.runs().create(RunKind.ELM, "elm " + dataset + "/" + space, settings.toJson(), 1);
        Path runFolder = runFolder(workspace, run.id());
        try {
            Path tokenizerFile = settings.baseModel() != null ? Path.of(settings.baseModel()).resolve(TOKENIZER_FILE)
                    : runFolder.resolve(TOKENIZER_FILE);
            if (settings.baseModel() == null) {
                ElmRunModel.trainTokenizer(inputs.tasks(), vocab, tokenizerFile);
            }
            spec.commandLine().getOut().printf("run %d recorded in %s%n", run.id(), workspace.folder());
            return train(workspace, run.id(), settings, inputs, tokenizerFile, trainingConfig(settings, runFolder), null);
        } catch (IOException | RuntimeException e) {
            if (workspace.runs().get(run.id()).orElseThrow().status() == RunStatus.RUNNING) {
                workspace.runs().updateStatus(run.id(), RunStatus.FAILED);
            }
            throw e;
        }
    }

    private int resume(Workspace workspace) throws IOException {
        String command = COMMAND + " --resume";
        Run run = workspace.runs().get(resumeRun).orElseThrow(() -> new CommandFailure(command + ": no run "
                + resumeRun + " in " + workspace.folder() + " (see 'elm runs')"));
        if (run.kind() != RunKind.ELM) {
            throw new CommandFailure(command + ": run " + run.id() + " is a " + run.kind().dbValue()
                    + " run; resume it with 'elm pretrain --resume'");
        }
        if (run.status() == RunStatus.FINISHED) {
            throw new CommandFailure(command + ": run " + run.id() + " has already finished");
        }
        TrainSettings settings = TrainSettings.fromJson(run.configJson(), run.id());
        Path runFolder = runFolder(workspace, run.id());
        Optional<Path> checkpoint = ElmTrainer.latestCheckpoint(runFolder.resolve(STEPS_FOLDER));
        if (checkpoint.isEmpty()) {
            throw new CommandFailure(command + ": run " + run.id() + " has no checkpoint to resume from;"
                    + " start a new run with 'elm train'");
        }
        RunInputs inputs = RunInputs.read(workspace, settings);
        Path tokenizerFile = settings.baseModel() != null ? Path.of(settings.baseModel()).resolve(TOKENIZER_FILE)
                : runFolder.resolve(TOKENIZER_FILE);
        workspace.checkpoints().verifyRecordedFilesIn(run.id(), checkpoint.get()); // refuse a damaged checkpoint
        int checkpointStep = Integer.parseInt(checkpoint.get().getFileName().toString().substring("step-".length()));
        // The values logged after the checkpoint are recomputed: drop them so the series has no duplicates.
        workspace.metrics().deleteAfter(run.id(), checkpointStep);
        workspace.runs().updateStatus(run.id(), RunStatus.RUNNING);
        spec.commandLine().getOut().printf("run %d resumed at step %d%n", run.id(), checkpointStep);
        try {
            return train(workspace, run.id(), settings, inputs, tokenizerFile, trainingConfig(settings, runFolder),
                    checkpoint.get());
        } catch (IOException | RuntimeException e) {
            if (workspace.runs().get(run.id()).orElseThrow().status() == RunStatus.RUNNING) {
                workspace.runs().updateStatus(run.id(), RunStatus.FAILED);
            }
            throw e;
        }
    }

    private int train(Workspace workspace, long runId, TrainSettings settings, RunInputs inputs, Path tokenizerFile,
            ElmTrainingConfig config, Path resumeFrom) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        try (Tokenizer tokenizer = Tokenizer.load(tokenizerFile);
                ElmModel model = ElmRunModel.build(settings, tokenizer, inputs.space().dimension())) {
            ElmRunModel.putTemplates(model, inputs.tasks());
            List<ElmExample> examples = new ArrayList<>(ElmRunModel.examples(inputs.tasks(), inputs.space()));
            int dropped = ElmRunModel.dropTooLong(model, examples);
            if (examples.isEmpty()) {
                throw new CommandFailure(COMMAND + ": no task example of dataset '" + settings.dataset()
                        + "' fits: none has all its ids in space '" + settings.space() + "' within the LM's context");
            }
            out.printf("%d training examples%s%n", examples.size(), dropped == 0 ? "" : " (" + dropped + " longer than the context dropped)");
            RecordingListener listener = new RecordingListener(workspace, runId, new ProgressPrinter(out, System.console() != null));
            ElmTrainer trainer = new ElmTrainer(model, examples, List.of(), config).withListener(listener)
                    .withControl(new TrainingControl());
            ElmTrainingResult result = resumeFrom == null ? trainer.run() : trainer.resume(resumeFrom);
            if (result.cancelled()) {
                return 1;
            }
            Path elmFolder = runFolder(workspace, runId).resolve(ELM_FOLDER);
            ElmArchive.save(model, elmFolder);
            listener.finish(); // the run is marked finished only once its model is on disk
            out.printf("model: %s%n", elmFolder);
            return 0;
        }
    }

    static Path runFolder(Workspace workspace, long runId) {
        return workspace.checkpointsFolder().resolve("run-" + runId);
    }

    private static ElmTrainingConfig trainingConfig(TrainSettings s, Path runFolder) {
        try {
            StageConfig stage1 = s.stage1Steps() == 0 ? StageConfig.skipped() : StageConfig.of(s.stage1Steps(), s.batch(), s.stage1Lr());
            StageConfig stage2 = s.stage2Steps() == 0 ? StageConfig.skipped() : StageConfig.of(s.stage2Steps(), s.batch(), s.stage2Lr());
            if (stage1.steps() + stage2.steps() == 0) {
                throw new IllegalArgumentException("both stages have 0 steps");
            }
            ElmTrainingConfig config = ElmTrainingConfig.of(stage1, stage2, s.seed());
            return runFolder == null || s.checkpointInterval() == 0 ? config
                    : config.withCheckpoints(s.checkpointInterval(), runFolder.resolve(STEPS_FOLDER));
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(COMMAND + ": " + e.getMessage(), e);
        }
    }

    /** The dataset's tasks and the space's vectors, read and checked before a run is recorded. */
    record RunInputs(List<TaskExample> tasks, EmbeddingSpace space) {
        static RunInputs read(Workspace workspace, TrainSettings settings) {
            Dataset dataset = WorkspaceDatasets.require(workspace, COMMAND, settings.dataset());
            EmbeddingSpaceRecord spaceRecord = WorkspaceDatasets.requireSpace(workspace, COMMAND, dataset, settings.space());
            Path tasksFile = dataset.path().resolve(WorkspaceDatasets.TASKS_FILE);
            if (!Files.isRegularFile(tasksFile)) {
                throw new CommandFailure(COMMAND + ": dataset '" + dataset.name() + "' has no tasks (add them with 'elm import tasks')");
            }
            try {
                return new RunInputs(TaskJsonl.read(tasksFile), WorkspaceDatasets.loadSpace(spaceRecord, COMMAND));
            } catch (IOException | RuntimeException e) {
                if (e instanceof CommandFailure failure) {
                    throw failure;
                }
                throw new CommandFailure(COMMAND + ": could not read " + tasksFile + " (" + e.getMessage() + ")", e);
            }
        }
    }

    /**
     * Prints progress and records it: metrics and checkpoints go through one {@link TrainingRecorder} per stage (so
     * checkpoints carry their stage), and the run's stage follows the trainer's.
     */
    private static final class RecordingListener implements ElmTrainingListener {
        private final Workspace workspace;
        private final long runId;
        private final ProgressPrinter progress;
        private TrainingRecorder recorder;
        private TrainingEvent.FinishedEvent finished;

        RecordingListener(Workspace workspace, long runId, ProgressPrinter progress) {
            this.workspace = workspace;
            this.runId = runId;
            this.progress = progress;
        }

        @Override
        public void onStageStarted(Stage stage, int step, int stageSteps) {
            int number = stage == Stage.ADAPTER_ONLY ? 1 : 2;
            if (recorder != null) {
                recorder.flush();
            }
            recorder = new TrainingRecorder(workspace, runId, number);
            workspace.runs().updateStage(runId, number);
        }

        @Override
        public void onEvent(Stage stage, TrainingEvent event) {
            progress.onEvent(event);
            if (event instanceof TrainingEvent.FinishedEvent f) {
                finished = f; // recorded by finish(), after the model is saved
                recorder.flush();
            } else {
                recorder.onEvent(event);
            }
        }

        void finish() {
            recorder.onEvent(finished);
        }
    }
}
