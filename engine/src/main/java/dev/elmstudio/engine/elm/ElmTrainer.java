package dev.elmstudio.engine.elm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.elmstudio.engine.checkpoint.SafeTensors;
import dev.elmstudio.engine.lm.NoGradScope;
import dev.elmstudio.engine.train.AdamW;
import dev.elmstudio.engine.train.LossScaler;
import dev.elmstudio.engine.train.LrSchedule;
import dev.elmstudio.engine.train.MemoryEstimate;
import dev.elmstudio.engine.train.OutOfMemory;
import dev.elmstudio.engine.train.OutOfMemoryAdvice;
import dev.elmstudio.engine.train.TrainingOutOfMemoryException;
import dev.elmstudio.engine.train.UpdateStep;
import dev.elmstudio.engine.train.TrainingControl;
import dev.elmstudio.engine.train.TrainingEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Two-stage ELM training: stage 1 updates only the adapters (the LM gets no gradient and stays bit-identical),
 * stage 2 updates everything. Each stage has its own AdamW (fresh moments), warm-up + cosine schedule, batch size
 * and step count. The loop checks the {@link TrainingControl} between updates, so pause and cancel never leave
 * a half-applied step.
 *
 * <p>Checkpoints ({@code step-NNNNNNNN/}: {@code weights.safetensors}, {@code optimizer.safetensors},
 * {@code trainer.json}) hold weights, moments, the stage, step counts and the data position; nothing else is
 * random, so {@link #resume} continues with exactly the losses the uninterrupted run would have had.
 */
public final class ElmTrainer {
    static final String WEIGHTS_FILE = "weights.safetensors";
    static final String OPTIMIZER_FILE = "optimizer.safetensors";
    static final String STATE_FILE = "trainer.json";
    private static final Pattern FOLDER = Pattern.compile("step-(\\d{8,})");
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private final ElmModel model;
    private final List<ElmExample> train;
    private final List<ElmExample> validation;
    private final ElmTrainingConfig config;
    private ElmTrainingListener listener = ElmTrainingListener.NONE;
    private TrainingControl control = new TrainingControl();
    private final UpdateStep update;
    private UpdateStep.FaultInjector faults = UpdateStep.FaultInjector.NONE;
    private Path lastCheckpoint;
    private int longestExample; // tokens of the longest collated training example; 0 until first needed

    private int step; // updates completed in the run
    private int stageStep; // updates completed in the current stage
    private double lastValidation = Double.NaN;
    private final List<Double> losses = new ArrayList<>();

    /** @param validation held-out examples (entities the training set lacks); may be empty */
    public ElmTrainer(ElmModel model, List<ElmExample> train, List<ElmExample> validation, ElmTrainingConfig config) {
        if (train.isEmpty()) {
            throw new IllegalArgumentException("ELM training needs at least one training example");
        }
        this.model = model;
        this.train = List.copyOf(train);
        this.validation = List.copyOf(validation);
        this.config = config;
        this.update = new UpdateStep(model.lm(), config.compute(), config.compute().newLossScaler());
    }

    /** Test hook: lets a test fail chosen updates with a real exception (an injected out-of-memory, say). */
    public ElmTrainer withFaultInjector(UpdateStep.FaultInjector injector) {
        this.faults = injector == null ? UpdateStep.FaultInjector.NONE : injector;
        return this;
    }

    /** The fp16 loss scaler (disabled in fp32). */
    public LossScaler lossScaler() {
        return update.scaler();
    }

    /**
     * The memory {@code stage} is expected to need when a batch is as long as the longest training example (batches
     * are padded to their own longest example, so this bounds every batch).
     */
    public MemoryEstimate memoryEstimate(Stage stage) {
        if (longestExample == 0) {
            for (ElmExample example : train) {
                longestExample = Math.max(longestExample, model.collator().collate(List.of(example)).length());
            }
        }
        Map<String, NDArray> trainable = model.trainableParameters(stage == Stage.FULL);
        long trainableCount = count(trainable);
        long extra = count(model.parameters()) - count(model.lm().parameters());
        return MemoryEstimate.of(model.lm().config(), trainableCount, extra, config.stage(stage).batchSize(),
                longestExample, config.compute());
    }

    private static long count(Map<String, NDArray> parameters) {
        return parameters.values().stream().distinct().mapToLong(a -> a.getShape().size()).sum();
    }

    public ElmTrainer withListener(ElmTrainingListener l) {
        this.listener = l == null ? ElmTrainingListener.NONE : l;
        return this;
    }

    /** Pause, resume and cancel from another thread. */
    public ElmTrainer withControl(TrainingControl c) {
        this.control = c;
        return this;
    }

    /** Trains both stages from the start. */
    public ElmTrainingResult run() throws IOException {
        return train(null, null);
    }

    /**
     * Loads a checkpoint written by a run with the same data and config into the model and continues from it.
     */
    public ElmTrainingResult resume(Path checkpoint) throws IOException {
        TrainerState state = TrainerState.fromJson(
                Files.readString(checkpoint.resolve(STATE_FILE), StandardCharsets.UTF_8), checkpoint.toString());
        if (state.seed() != config.seed()) {
            throw new IllegalArgumentException(checkpoint + " was written by a run with seed " + state.seed()
                    + ", this run has seed " + config.seed() + "; resume it with the config it was saved with");
        }
        try (SafeTensors file = SafeTensors.open(checkpoint.resolve(WEIGHTS_FILE));
                NDManager scratch = model.lm().manager().newSubManager()) {
            Map<String, NDArray> saved = file.readAll(scratch);
            if (!saved.keySet().equals(model.parameters().keySet())) {
                throw new IllegalArgumentException(checkpoint + " holds weights for other parameters than this model's"
                        + " (same LM config and embedding spaces are needed)");
            }
            saved.forEach(model::copyParameter);
        }
        lastValidation = state.validationLoss() == null ? Double.NaN : state.validationLoss();
        if (state.lossScale() != null) {
            update.scaler().restore(state.lossScale(),
                    state.lossScaleCleanSteps() == null ? 0 : state.lossScaleCleanSteps());
        }
        lastCheckpoint = checkpoint;
        return train(state, checkpoint);
    }

    /** The checkpoint with the highest step under {@code dir}, if any. */
    public static Optional<Path> latestCheckpoint(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(p -> FOLDER.matcher(p.getFileName().toString()).matches())
                    .filter(p -> Files.isRegularFile(p.resolve(STATE_FILE)))
                    .max(Comparator.comparing(p -> p.getFileName().toString()));
        }
    }

    /** Runs the stages from the start ({@code from} null) or from a checkpoint's state. */
    private ElmTrainingResult train(TrainerState from, Path checkpoint) throws IOException {
        Stage firstStage = from == null ? Stage.ADAPTER_ONLY : from.stage();
        step = from == null ? 0 : from.step();
        losses.clear();
        Instant started = Instant.now();
        Stage stage = firstStage;
        for (Stage s : Stage.values()) {
            if (s.ordinal() < firstStage.ordinal()) {
                continue;
            }
            stage = s;
            StageConfig stageConfig = config.stage(s);
            boolean resumingHere = from != null && s == firstStage;
            stageStep = resumingHere ? from.stageStep() : 0;
            if (stageStep >= stageConfig.steps()) {
                continue;
            }
            Map<String, NDArray> trainable = model.setTrainable(s == Stage.FULL);
            // Each stage starts with fresh moments: stage 2 trains parameters stage 1 never touched.
            try (AdamW optimizer = new AdamW(trainable, model.lm().manager(), BETA1, BETA2, EPSILON,
                    stageConfig.weightDecay())) {
                DataStream data = new DataStream(train.size(), config.seed(), s, resumingHere ? from.epoch() : 0,
                        resumingHere ? from.index() : 0);
                if (resumingHere && stageStep > 0) {
                    try (SafeTensors file = SafeTensors.open(checkpoint.resolve(OPTIMIZER_FILE));
                            NDManager scratch = model.lm().manager().newSubManager()) {
                        optimizer.importState(file.readAll(scratch), from.optimizerSteps());
                    }
                }
                listener.onStageStarted(s, step, stageConfig.steps());
                boolean finished = runStage(s, stageConfig, optimizer, data);
                if (!finished) {
                    Duration elapsed = Duration.between(started, Instant.now());
                    if (config.checkpointDir() != null) {
                        writeCheckpoint(s, stageStep, optimizer, data);
                    }
                    listener.onEvent(s, new TrainingEvent.CancelledEvent(step, elapsed));
                    return new ElmTrainingResult(step, s, losses, lastValidation, true);
                }
            }
        }
        if (!validation.isEmpty()) {
            validate(stage);
        }
        double last = losses.isEmpty() ? Double.NaN : losses.get(losses.size() - 1);
        listener.onEvent(stage, new TrainingEvent.FinishedEvent(step, last, lastValidation,
                Duration.between(started, Instant.now())));
        return new ElmTrainingResult(step, stage, losses, lastValidation, false);
    }

    /** Updates the current stage (from {@link #stageStep}) until its end; false when cancelled. */
    private boolean runStage(Stage stage, StageConfig stageConfig, AdamW optimizer, DataStream data)
            throws IOException {
        LrSchedule schedule = stageConfig.schedule();
        double smoothedStepSeconds = Double.NaN;
        while (stageStep < stageConfig.steps()) {
            if (!awaitPermission()) {
                return false;
            }
            long begin = System.nanoTime();
            int epochBefore = data.epoch();
            int indexBefore = data.index();
            List<ElmExample> examples = new ArrayList<>(stageConfig.batchSize());
            for (int i : data.next(stageConfig.batchSize())) {
                examples.add(train.get(i));
            }
            double lr = schedule.at(stageStep);
            Parts parts = microBatches(examples);
            UpdateStep.Outcome outcome;
            try {
                faults.beforeUpdate(step + 1);
                outcome = update.run(parts.microBatches(), optimizer, lr, stageConfig.maxGradNorm(), model.lm().manager());
            } catch (RuntimeException | OutOfMemoryError e) {
                if (!OutOfMemory.isOutOfMemory(e)) {
                    throw e;
                }
                throw outOfMemory(e, stage, optimizer, new DataStream(train.size(), config.seed(), stage, epochBefore,
                        indexBefore));
            }
            double loss = outcome.loss();
            double gradientNorm = outcome.gradientNorm();
            stageStep++;
            step++;
            losses.add(loss);
            double seconds = (System.nanoTime() - begin) / 1e9;
            smoothedStepSeconds = Double.isNaN(smoothedStepSeconds) ? seconds : 0.9 * smoothedStepSeconds + 0.1 * seconds;
            int remaining = config.totalSteps() - step;
            listener.onEvent(stage, new TrainingEvent.StepEvent(step, config.totalSteps(), loss, lr, gradientNorm,
                    parts.tokenCount() / smoothedStepSeconds,
                    Duration.ofMillis(Math.round(remaining * smoothedStepSeconds * 1000))));
            if (config.validateEvery() > 0 && step % config.validateEvery() == 0 && !validation.isEmpty()) {
                validate(stage);
            }
            if (config.checkpointEvery() > 0 && step % config.checkpointEvery() == 0) {
                writeCheckpoint(stage, stageStep, optimizer, data);
            }
        }
        return true;
    }

    /** A batch split into micro-batches, and its token count. */
    private record Parts(List<UpdateStep.MicroBatch> microBatches, long tokenCount) {}

    /**
     * The examples in equal groups, each collated on its own (padded to its own longest example). Each group's
     * share is its share of the batch's target tokens, so the accumulated gradient is the whole batch's mean.
     */
    private Parts microBatches(List<ElmExample> examples) {
        int[][] ranges = update.parts(examples.size());
        List<ElmBatch> batches = new ArrayList<>(ranges.length);
        double[] targets = new double[ranges.length];
        double total = 0;
        long tokens = 0;
        for (int i = 0; i < ranges.length; i++) {
            ElmBatch batch = model.collator().collate(examples.subList(ranges[i][0], ranges[i][1]));
            batches.add(batch);
            for (float m : batch.lossMask()) {
                targets[i] += m;
            }
            total += targets[i];
            tokens += batch.tokenCount();
        }
        List<UpdateStep.MicroBatch> out = new ArrayList<>(ranges.length);
        for (int i = 0; i < ranges.length; i++) {
            ElmBatch batch = batches.get(i);
            double share = total > 0 ? targets[i] / total : 1.0 / ranges.length;
            out.add(new UpdateStep.MicroBatch(share, manager -> model.trainingInputs(batch, manager)));
        }
        return new Parts(out, tokens);
    }

    /**
     * Turns an out-of-memory failure into a resumable stop: when it came before the optimizer touched the weights,
     * the state after the last completed update is saved with the data position before the failed batch.
     */
    private TrainingOutOfMemoryException outOfMemory(Throwable error, Stage stage, AdamW optimizer,
            DataStream dataBefore) {
        if (config.checkpointDir() != null) {
            try {
                if (!update.weightsMayHaveChanged()) {
                    writeCheckpoint(stage, stageStep, optimizer, dataBefore);
                } else if (lastCheckpoint == null) {
                    lastCheckpoint = latestCheckpoint(config.checkpointDir()).orElse(null);
                }
            } catch (IOException | RuntimeException saveFailure) {
                error.addSuppressed(saveFailure);
            }
        }
        Boolean lora = stage == Stage.FULL ? model.lora() != null : null;
        String message = OutOfMemoryAdvice.message(step + 1, error, memoryEstimate(stage), config.compute(),
                config.stage(stage).batchSize(), lora, lastCheckpoint);
        return new TrainingOutOfMemoryException(message, step, lastCheckpoint, error);
    }

    /** Mean loss per target token over the validation examples, without a backward graph. */
    public double validationLoss() {
        double weighted = 0;
        double tokens = 0;
        try (NoGradScope noGrad = NoGradScope.enter()) {
            for (int from = 0; from < validation.size(); from += config.validationBatchSize()) {
                ElmBatch batch = model.collator().collate(
                        validation.subList(from, Math.min(validation.size(), from + config.validationBatchSize())));
                double count = 0;
                for (float m : batch.lossMask()) {
                    count += m;
                }
                try (NDManager scope = model.lm().manager().newSubManager()) {
                    weighted += model.loss(batch, scope).getFloat() * count;
                }
                tokens += count;
            }
        }
        return tokens == 0 ? Double.NaN : weighted / tokens;
    }

    private void validate(Stage stage) {
        lastValidation = validationLoss();
        listener.onEvent(stage, new TrainingEvent.ValidationEvent(step, lastValidation));
    }

    private boolean awaitPermission() {
        return control.awaitPermissionToStep();
    }

    private void writeCheckpoint(Stage stage, int stageStep, AdamW optimizer, DataStream data) throws IOException {
        Path root = config.checkpointDir();
        Files.createDirectories(root);
        String name = String.format("step-%08d", step);
        Path temp = root.resolve("." + name + "." + UUID.randomUUID() + ".tmp");
        Files.createDirectory(temp);
        Double trainLoss = losses.isEmpty() ? null : losses.get(losses.size() - 1);
        TrainerState state = new TrainerState(TrainerState.FORMAT, TrainerState.VERSION, stage, stageStep, step,
                optimizer.stepCount(), data.epoch(), data.index(), config.seed(), trainLoss,
                Double.isNaN(lastValidation) ? null : lastValidation, Instant.now().toString(),
                update.scaler().enabled() ? update.scaler().scale() : null,
                update.scaler().enabled() ? update.scaler().cleanSteps() : null);
        SafeTensors.write(temp.resolve(WEIGHTS_FILE), model.parameters(), Map.of("format", "pt"));
        SafeTensors.write(temp.resolve(OPTIMIZER_FILE), optimizer.exportState(),
                Map.of("optimizer", "AdamW", "step", Integer.toString(optimizer.stepCount())));
        Files.writeString(temp.resolve(STATE_FILE), state.toJson(), StandardCharsets.UTF_8);
        Path target = root.resolve(name);
        if (Files.exists(target)) {
            deleteTree(target);
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE); // the folder appears complete or not at all
        lastCheckpoint = target;
        listener.onEvent(stage, new TrainingEvent.CheckpointEvent(step, target));
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
