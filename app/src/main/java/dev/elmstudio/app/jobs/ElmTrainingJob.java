package dev.elmstudio.app.jobs;

import ai.djl.Device;
import ai.djl.engine.Engine;
import dev.elmstudio.engine.device.DeviceChoice;
import dev.elmstudio.engine.elm.ElmArchive;
import dev.elmstudio.engine.elm.ElmExample;
import dev.elmstudio.engine.elm.ElmModel;
import dev.elmstudio.engine.elm.ElmTrainer;
import dev.elmstudio.engine.elm.ElmTrainingConfig;
import dev.elmstudio.engine.elm.ElmTrainingListener;
import dev.elmstudio.engine.elm.ElmTrainingResult;
import dev.elmstudio.engine.elm.LoraConfig;
import dev.elmstudio.engine.elm.Stage;
import dev.elmstudio.engine.elm.StageConfig;
import dev.elmstudio.engine.tokenizer.Tokenizer;
import dev.elmstudio.engine.train.ComputeOptions;
import dev.elmstudio.engine.train.MemoryEstimate;
import dev.elmstudio.engine.train.TrainingControl;
import dev.elmstudio.engine.train.TrainingEvent;
import dev.elmstudio.engine.train.TrainingOutOfMemoryException;
import dev.elmstudio.storage.Run;
import dev.elmstudio.storage.RunKind;
import dev.elmstudio.storage.RunStatus;
import dev.elmstudio.storage.TrainingRecorder;
import dev.elmstudio.storage.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A two-stage ELM run recorded in the workspace (run, stage, metrics, checkpoints), on the calling thread: what
 * {@code elm train} and the Train panel both do. The run's files live in {@code checkpoints/run-<id>/}: the
 * tokenizer (fresh GPT only), resumable {@code steps/step-*} checkpoints and, once finished, the ELM folder
 * {@code elm/}. The caller holds the workspace open for writing; the job holds the {@link TrainingGate}.
 */
public final class ElmTrainingJob {
    public static final String TOKENIZER_FILE = "tokenizer.json";
    public static final String STEPS_FOLDER = "steps";
    public static final String ELM_FOLDER = "elm";

    /** What the caller hears: the trainer's events plus the job's own milestones. Called on the training thread. */
    public interface Observer extends ElmTrainingListener {
        /** The run is recorded (or resumed) with this id; training starts next. */
        default void runStarted(long runId, int resumedAtStep) {}

        /** The examples are ready: {@code train} for updates, {@code validation} held out, {@code dropped} too long. */
        default void examplesReady(int train, int validation, int dropped) {}

        /**
         * Training is about to start on {@code device}, computing as {@code options} say; {@code estimate} is the
         * larger stage's expected memory.
         */
        default void planReady(Device device, ComputeOptions options, Stage stage, MemoryEstimate estimate) {}
    }

    /**
     * @param modelFolder the saved ELM, null when cancelled
     */
    public record Outcome(long runId, ElmTrainingResult result, Path modelFolder) {}

    private ElmTrainingJob() {}

    /** Folder of run {@code runId}'s files. */
    public static Path runFolder(Workspace workspace, long runId) {
        return workspace.checkpointsFolder().resolve("run-" + runId);
    }

    /** The newest resumable checkpoint of an ELM run, if any. */
    public static Optional<Path> latestCheckpoint(Workspace workspace, long runId) throws IOException {
        return ElmTrainer.latestCheckpoint(runFolder(workspace, runId).resolve(STEPS_FOLDER));
    }

    /**
     * Checks what can be checked without the workspace: numbers in range, base model folder, device present.
     * Throws {@link ElmRunException} naming the problem.
     */
    public static void check(ElmRunSettings settings) {
        if (settings.baseModel() != null) {
            Path folder = Path.of(settings.baseModel());
            if (!Files.isRegularFile(folder.resolve("config.json"))) {
                throw new ElmRunException(folder + " is not a model folder (no config.json)");
            }
            if (!Files.isRegularFile(folder.resolve(TOKENIZER_FILE))) {
                throw new ElmRunException(folder + " has no " + TOKENIZER_FILE + " (the ELM needs the LM's tokenizer)");
            }
        } else if (settings.layers() < 1 || settings.heads() < 1 || settings.width() % settings.heads() != 0
                || settings.context() < 8) {
            throw new ElmRunException("the fresh GPT needs layers >= 1, context >= 8 and a width that is a multiple"
                    + " of heads (got layers " + settings.layers() + ", width " + settings.width() + ", heads "
                    + settings.heads() + ", context " + settings.context() + ")");
        }
        device(settings);
        try {
            settings.compute().precision().computeType(); // bf16 is refused here, with its reason
        } catch (IllegalArgumentException e) {
            throw new ElmRunException(e.getMessage(), e);
        }
        trainingConfig(settings, 1, null); // the stage numbers, with a nominal example count for epochs
        if (settings.usesLora()) {
            loraConfig(settings);
        }
        if (settings.textOnly() && settings.stage1Steps() + settings.stage1Epochs() > 0) {
            throw new ElmRunException("the text-only baseline has no adapter to train in stage 1; give stage 1 no"
                    + " updates (and stage 2 the ELM's total, for a fair comparison)");
        }
        if (!(settings.validationFraction() >= 0 && settings.validationFraction() < 1)) {
            throw new ElmRunException("the validation share must be in [0, 1), got " + settings.validationFraction());
        }
    }

    private static LoraConfig loraConfig(ElmRunSettings settings) {
        try {
            return new LoraConfig(settings.loraRank(), settings.loraAlpha(), settings.loraTargets());
        } catch (IllegalArgumentException e) {
            throw new ElmRunException(e.getMessage(), e);
        }
    }

    /** Records a new run and trains it to the end (or until cancelled). */
    public static Outcome start(Workspace workspace, String name, ElmRunSettings settings, Observer observer,
            TrainingControl control) throws IOException {
        check(settings);
        try (TrainingGate.Lease gate = TrainingGate.enter("ELM training '" + name + "'")) {
            ElmRunInputs inputs = ElmRunInputs.read(workspace, settings); // before anything is written
            Run run = workspace.runs().create(RunKind.ELM, name, settings.toJson(), 1);
            return failOnError(workspace, run.id(), () -> {
                Path tokenizerFile = tokenizerFile(workspace, run.id(), settings);
                if (settings.baseModel() == null) {
                    ElmRunModel.trainTokenizer(inputs.tasks(), settings.vocab(), tokenizerFile);
                }
                observer.runStarted(run.id(), 0);
                return train(workspace, run.id(), settings, inputs, observer, control, null);
            });
        }
    }

    /** Continues an interrupted or cancelled ELM run from its newest checkpoint, in the same record. */
    public static Outcome resume(Workspace workspace, long runId, Observer observer, TrainingControl control)
            throws IOException {
        return resume(workspace, runId, UnaryOperator.identity(), observer, control);
    }

    /**
     * {@link #resume(Workspace, long, Observer, TrainingControl)} with some settings changed for the rest of the run:
     * the device and how it computes (micro-batches, activation checkpointing, precision), e.g. after running out
     * of memory. The run's recorded settings stay as they were.
     */
    public static Outcome resume(Workspace workspace, long runId, UnaryOperator<ElmRunSettings> change,
            Observer observer, TrainingControl control) throws IOException {
        Run run = workspace.runs().get(runId).orElseThrow(() -> new ElmRunException("no run " + runId + " in "
                + workspace.folder() + " (see 'elm runs')"));
        if (run.kind() != RunKind.ELM) {
            throw new ElmRunException("run " + run.id() + " is a " + run.kind().dbValue()
                    + " run; resume it as a pretraining");
        }
        if (run.status() == RunStatus.FINISHED) {
            throw new ElmRunException("run " + run.id() + " has already finished");
        }
        if (run.status() == RunStatus.RUNNING) {
            throw new ElmRunException("run " + run.id() + " is running");
        }
        ElmRunSettings settings = change.apply(ElmRunSettings.fromJson(run.configJson(), run.id()));
        check(settings);
        Path checkpoint = latestCheckpoint(workspace, runId).orElseThrow(() -> new ElmRunException("run " + runId
                + " has no checkpoint to resume from; start a new run"));
        try (TrainingGate.Lease gate = TrainingGate.enter("ELM run " + runId)) {
            ElmRunInputs inputs = ElmRunInputs.read(workspace, settings);
            workspace.checkpoints().verifyRecordedFilesIn(runId, checkpoint); // refuse a damaged checkpoint
            int step = Integer.parseInt(checkpoint.getFileName().toString().substring("step-".length()));
            // The values logged after the checkpoint are recomputed: drop them so the series has no duplicates.
            workspace.metrics().deleteAfter(runId, step);
            workspace.runs().updateStatus(runId, RunStatus.RUNNING);
            return failOnError(workspace, runId, () -> {
                observer.runStarted(runId, step);
                return train(workspace, runId, settings, inputs, observer, control, checkpoint);
            });
        }
    }

    private static Outcome train(Workspace workspace, long runId, ElmRunSettings settings, ElmRunInputs inputs,
            Observer observer, TrainingControl control, Path resumeFrom) throws IOException {
        try (Tokenizer tokenizer = Tokenizer.load(tokenizerFile(workspace, runId, settings));
                ElmModel model = ElmRunModel.build(settings, tokenizer, inputs, device(settings))) {
            if (!settings.textOnly()) { // a template's slots name adapters; the text-only baseline has none
                ElmRunModel.putTemplates(model, settings, inputs);
            }
            if (settings.usesLora()) {
                model.enableLora(loraConfig(settings), settings.seed());
            }
            List<ElmExample> examples = new ArrayList<>(settings.textOnly()
                    ? ElmRunModel.textOnlyExamples(settings, inputs, ElmRunModel.titles(workspace, settings))
                    : ElmRunModel.examples(settings, inputs));
            int dropped = ElmRunModel.dropTooLong(model, examples);
            List<ElmExample> validation = ElmRunModel.holdOut(examples, settings.validationFraction(), settings.seed());
            if (examples.isEmpty()) {
                throw new ElmRunException("no task example of dataset '" + settings.dataset() + "' fits: none has"
                        + " all its slot ids in the chosen spaces within the LM's context");
            }
            observer.examplesReady(examples.size(), validation.size(), dropped);
            ElmTrainingConfig config = trainingConfig(settings, examples.size(), runFolder(workspace, runId));
            RecordingListener listener = new RecordingListener(workspace, runId, observer);
            ElmTrainer trainer = new ElmTrainer(model, examples, validation, config).withListener(listener)
                    .withControl(control).withFaultInjector(TrainingFaults.injector());
            Stage biggest = config.stage2().steps() > 0 ? Stage.FULL : Stage.ADAPTER_ONLY;
            observer.planReady(model.lm().device(), config.compute(), biggest, trainer.memoryEstimate(biggest));
            ElmTrainingResult result;
            try {
                result = resumeFrom == null ? trainer.run() : trainer.resume(resumeFrom);
            } catch (TrainingOutOfMemoryException e) {
                listener.interrupted(); // resumable from its checkpoint, not failed
                throw new ElmRunException(e.getMessage(), e);
            }
            if (result.cancelled()) {
                return new Outcome(runId, result, null);
            }
            Path elmFolder = runFolder(workspace, runId).resolve(ELM_FOLDER);
            ElmArchive.save(model, elmFolder);
            listener.finish(); // the run is marked finished only once its model is on disk
            return new Outcome(runId, result, elmFolder);
        }
    }

    /**
     * The engine's config for these settings and {@code trainExamples} training examples (epochs become steps).
     * {@code runFolder} null = no checkpoints.
     */
    public static ElmTrainingConfig trainingConfig(ElmRunSettings s, int trainExamples, Path runFolder) {
        try {
            int steps1 = s.stage1Epochs() > 0 ? StageConfig.stepsForEpochs(s.stage1Epochs(), trainExamples, s.batch())
                    : s.stage1Steps();
            int steps2 = s.stage2Epochs() > 0
                    ? StageConfig.stepsForEpochs(s.stage2Epochs(), trainExamples, s.stage2BatchSize()) : s.stage2Steps();
            StageConfig stage1 = steps1 == 0 ? StageConfig.skipped() : stage(steps1, s.batch(), s.stage1Lr(), s.stage1Warmup());
            StageConfig stage2 = steps2 == 0 ? StageConfig.skipped()
                    : stage(steps2, s.stage2BatchSize(), s.stage2Lr(), s.stage2Warmup());
            if (stage1.steps() + stage2.steps() == 0) {
                throw new IllegalArgumentException("both stages have 0 steps");
            }
            ElmTrainingConfig config = ElmTrainingConfig.of(stage1, stage2, s.seed()).withCompute(s.compute());
            if (s.validationFraction() > 0) {
                // About ten validation points per run, so the chart shows a curve rather than a dot.
                config = config.withValidation(Math.max(1, config.totalSteps() / 10));
            }
            return runFolder == null || s.checkpointInterval() == 0 ? config
                    : config.withCheckpoints(s.checkpointInterval(), runFolder.resolve(STEPS_FOLDER));
        } catch (IllegalArgumentException e) {
            throw new ElmRunException(e.getMessage(), e);
        }
    }

    private static StageConfig stage(int steps, int batch, double lr, Integer warmup) {
        StageConfig constant = StageConfig.of(steps, batch, lr);
        return warmup == null ? constant : new StageConfig(steps, batch, lr, lr, Math.min(warmup, steps),
                constant.weightDecay(), constant.maxGradNorm());
    }

    /** The device of the settings, refused when PyTorch does not see it. */
    static Device device(ElmRunSettings settings) {
        Device device;
        try {
            DeviceChoice choice = DeviceChoice.parse(settings.deviceName());
            device = choice.kind() == DeviceChoice.Kind.GPU ? Device.gpu(choice.gpuIndex()) : choice.resolve();
        } catch (RuntimeException e) {
            throw new ElmRunException("device '" + settings.deviceName() + "' is not a device name (cpu, gpu, gpu:N,"
                    + " gpu0, auto)", e);
        }
        if (device.isGpu()) {
            int gpus = Engine.getInstance().getGpuCount();
            if (device.getDeviceId() >= gpus) {
                throw new ElmRunException("device " + settings.deviceName() + " is not available: DJL reports " + gpus
                        + " GPU" + (gpus == 1 ? "" : "s") + " on this machine");
            }
        }
        return device;
    }

    /** The base model's tokenizer, or the one a fresh-GPT run trained into its folder. */
    public static Path tokenizerFile(Workspace workspace, long runId, ElmRunSettings settings) {
        return settings.baseModel() != null ? Path.of(settings.baseModel()).resolve(TOKENIZER_FILE)
                : runFolder(workspace, runId).resolve(TOKENIZER_FILE);
    }

    private interface Body {
        Outcome run() throws IOException;
    }

    /** Runs {@code body}; a failure leaves the run FAILED (not RUNNING) before it propagates. */
    private static Outcome failOnError(Workspace workspace, long runId, Body body) throws IOException {
        try {
            return body.run();
        } catch (IOException | RuntimeException e) {
            if (workspace.runs().get(runId).map(Run::status).orElse(null) == RunStatus.RUNNING) {
                workspace.runs().updateStatus(runId, RunStatus.FAILED);
            }
            throw e;
        }
    }

    /**
     * Records progress and forwards it: metrics and checkpoints go through one {@link TrainingRecorder} per stage
     * (so checkpoints carry their stage), and the run's stage follows the trainer's.
     */
    private static final class RecordingListener implements ElmTrainingListener {
        private final Workspace workspace;
        private final long runId;
        private final Observer observer;
        private TrainingRecorder recorder;
        private TrainingEvent.FinishedEvent finished;
        private Stage finishedStage;

        RecordingListener(Workspace workspace, long runId, Observer observer) {
            this.workspace = workspace;
            this.runId = runId;
            this.observer = observer;
        }

        @Override
        public void onStageStarted(Stage stage, int step, int stageSteps) {
            int number = stage == Stage.ADAPTER_ONLY ? 1 : 2;
            if (recorder != null) {
                recorder.flush();
            }
            recorder = new TrainingRecorder(workspace, runId, number);
            workspace.runs().updateStage(runId, number);
            observer.onStageStarted(stage, step, stageSteps);
        }

        @Override
        public void onEvent(Stage stage, TrainingEvent event) {
            if (event instanceof TrainingEvent.FinishedEvent f) {
                finished = f; // recorded and forwarded by finish(), after the model is saved
                finishedStage = stage;
                recorder.flush();
            } else {
                recorder.onEvent(event);
                observer.onEvent(stage, event);
            }
        }

        void finish() {
            recorder.onEvent(finished);
            observer.onEvent(finishedStage, finished);
        }

        /** Stopped resumably (out of memory): metrics so far are kept and the run is marked interrupted. */
        void interrupted() {
            if (recorder != null) {
                recorder.interrupted();
            } else {
                workspace.runs().updateStatus(runId, RunStatus.INTERRUPTED);
            }
        }
    }
}
