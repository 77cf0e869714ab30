package dev.elmstudio.engine.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.elmstudio.engine.checkpoint.LmCheckpoint;
import dev.elmstudio.engine.lm.CausalLm;
import dev.elmstudio.engine.lm.Losses;
import dev.elmstudio.engine.lm.NoGradScope;
import dev.elmstudio.engine.train.TrainingEvent.CancelledEvent;
import dev.elmstudio.engine.train.TrainingEvent.CheckpointEvent;
import dev.elmstudio.engine.train.TrainingEvent.FinishedEvent;
import dev.elmstudio.engine.train.TrainingEvent.StepEvent;
import dev.elmstudio.engine.train.TrainingEvent.ValidationEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Pretrains a causal LM on a token stream: next-token cross-entropy, AdamW, warm-up + cosine,
 * global-norm clipping, periodic validation and resumable checkpoints.
 *
 * <p>Every parameter of the model is trained. On the CPU a run is deterministic for a given model
 * seed, data seed and {@link PretrainConfig#seed()}, and a run resumed from a checkpoint continues
 * with the losses the uninterrupted run would have had.
 */
public final class Pretrainer implements AutoCloseable {

    private final CausalLm model;
    private final boolean ownsModel;
    private final TokenBlockDataset data;
    private final PretrainConfig config;
    private final LrSchedule schedule;
    private final AdamW optimizer;
    private final UpdateStep update;
    private UpdateStep.FaultInjector faults = UpdateStep.FaultInjector.NONE;
    private int completedSteps;
    private double lastLoss = Double.NaN;
    private double lastValidationLoss = Double.NaN;

    /**
     * A fresh run from step 0. Marks every parameter of {@code model} trainable. The caller keeps
     * ownership of the model and closes it.
     */
    public Pretrainer(CausalLm model, TokenBlockDataset data, PretrainConfig config) {
        this(model, false, data, config);
    }

    /** Like the constructor, but the trainer takes the model over and closes it in {@link #close()}. */
    public static Pretrainer owning(CausalLm model, TokenBlockDataset data, PretrainConfig config) {
        try {
            return new Pretrainer(model, true, data, config);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    private Pretrainer(CausalLm model, boolean ownsModel, TokenBlockDataset data, PretrainConfig config) {
        if (config.contextLength() != data.contextLength()) {
            throw new IllegalArgumentException("config contextLength " + config.contextLength()
                    + " differs from the dataset's " + data.contextLength());
        }
        if (config.contextLength() > model.config().maxPositions()) {
            throw new IllegalArgumentException("contextLength " + config.contextLength() + " exceeds the model's "
                    + "maxPositions " + model.config().maxPositions());
        }
        if (data.maxTokenId() >= model.config().vocabSize()) {
            throw new IllegalArgumentException("the corpus holds token id " + data.maxTokenId()
                    + " but the model's vocabulary has only " + model.config().vocabSize() + " ids");
        }
        this.model = model;
        this.ownsModel = ownsModel;
        this.data = data;
        this.config = config;
        this.schedule = config.schedule();
        model.setTrainable(name -> true);
        this.update = new UpdateStep(model, config.compute(), config.compute().newLossScaler());
        this.optimizer = new AdamW(model.parameters(), model.manager(), config.beta1(), config.beta2(),
                config.epsilon(), config.weightDecay());
    }

    /** Test hook: lets a test fail chosen updates with a real exception (an injected out-of-memory, say). */
    public Pretrainer withFaultInjector(UpdateStep.FaultInjector injector) {
        this.faults = injector == null ? UpdateStep.FaultInjector.NONE : injector;
        return this;
    }

    /** The memory this run is expected to need (every parameter is trained). */
    public MemoryEstimate memoryEstimate() {
        long parameters = model.config().parameterCount();
        return MemoryEstimate.of(model.config(), parameters, 0, config.batchSize(), config.contextLength(),
                config.compute());
    }

    /** The fp16 loss scaler (disabled in fp32). */
    public LossScaler lossScaler() {
        return update.scaler();
    }

    /** The settings the run in {@code checkpoint} was saved with. */
    public static PretrainConfig savedConfig(Path checkpoint) throws IOException {
        return TrainingCheckpoint.readManifest(checkpoint).config();
    }

    /** {@link #resume(Path, TokenBlockDataset, Device, ComputeOptions)} computing as the run was saved. */
    public static Pretrainer resume(Path checkpoint, TokenBlockDataset data, Device device) throws IOException {
        return resume(checkpoint, data, device, null);
    }

    /**
     * Continues the run saved in {@code checkpoint} (a {@code step-NNNNNNNN} folder) on the same
     * data. The returned trainer owns the model it loaded and closes it.
     *
     * <p>{@code compute} may change how the rest of the run computes (after an out-of-memory stop: more
     * micro-batches, activation checkpointing, fp16); null keeps the saved options. Micro-batches and
     * checkpointing leave the updates as they were; a change of precision changes rounding, not the recipe.
     *
     * @throws IllegalArgumentException when {@code data} is not the data the run was trained on
     */
    public static Pretrainer resume(Path checkpoint, TokenBlockDataset data, Device device, ComputeOptions compute)
            throws IOException {
        CheckpointManifest manifest = TrainingCheckpoint.readManifest(checkpoint);
        String fingerprint = CheckpointManifest.hex(data.fingerprint());
        if (!fingerprint.equals(manifest.dataFingerprint())) {
            throw new IllegalArgumentException(checkpoint + " was trained on other data (fingerprint "
                    + manifest.dataFingerprint() + ", given " + fingerprint + "): same tokens, context, split"
                    + " and data seed are needed to resume exactly");
        }
        CausalLm model = LmCheckpoint.load(checkpoint, device);
        try {
            PretrainConfig config = compute == null ? manifest.config() : manifest.config().withCompute(compute);
            Pretrainer trainer = new Pretrainer(model, true, data, config);
            TrainingCheckpoint.restoreOptimizer(checkpoint, trainer.optimizer, manifest.optimizerSteps(),
                    model.manager());
            data.seek(manifest.dataPosition());
            if (manifest.lossScale() != null && config.compute().precision().scalesLoss()) {
                trainer.update.scaler().restore(manifest.lossScale(),
                        manifest.lossScaleCleanSteps() == null ? 0 : manifest.lossScaleCleanSteps());
            }
            trainer.completedSteps = manifest.step();
            trainer.lastLoss = manifest.trainLoss() == null ? Double.NaN : manifest.trainLoss();
            trainer.lastValidationLoss = manifest.validationLoss() == null ? Double.NaN : manifest.validationLoss();
            return trainer;
        } catch (IOException | RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** The newest complete checkpoint under a run's checkpoint folder, if any. */
    public static Optional<Path> latestCheckpoint(Path checkpointDir) throws IOException {
        return TrainingCheckpoint.latest(checkpointDir);
    }

    public CausalLm model() { return model; }
    public PretrainConfig config() { return config; }
    public int completedSteps() { return completedSteps; }
    AdamW optimizer() { return optimizer; }

    /**
     * Trains until {@link PretrainConfig#steps()} updates are done or {@code control} cancels.
     * Events go to {@code listener} on this thread.
     */
    public TrainingResult run(TrainingListener listener, TrainingControl control) throws IOException {
        Instant started = Instant.now();
        ThroughputMeter meter = new ThroughputMeter(config.tokensPerStep());
        Path lastCheckpoint = null;
        while (completedSteps < config.steps()) {
            if (!control.awaitPermissionToStep()) { // blocks while paused
                return finish(listener, started, lastCheckpoint, true);
            }
            long stepStart = System.nanoTime();
            double learningRate = schedule.at(completedSteps);
            DataPosition before = data.position();
            TokenBatch batch = data.nextTrainBatch(config.batchSize());
            // Random ops (dropout, should a model add it) draw from a generator that depends only on
            // (seed, step), so a resumed run replays them without saved generator state.
            Engine.getInstance().setRandomSeed(stepSeed());
            UpdateStep.Outcome outcome;
            try {
                faults.beforeUpdate(completedSteps + 1);
                outcome = update.run(microBatches(batch), optimizer, learningRate, config.maxGradNorm(),
                        model.manager());
            } catch (RuntimeException | OutOfMemoryError e) {
                if (!OutOfMemory.isOutOfMemory(e)) {
                    throw e;
                }
                throw outOfMemory(e, before, lastCheckpoint);
            }
            lastLoss = outcome.loss();
            double gradientNorm = outcome.gradientNorm();
            completedSteps++;
            meter.record(System.nanoTime() - stepStart);
            listener.onEvent(new StepEvent(completedSteps, config.steps(), lastLoss, learningRate, gradientNorm,
                    meter.tokensPerSecond(), meter.eta(config.steps() - completedSteps)));

            boolean lastStep = completedSteps == config.steps();
            boolean validateNow = config.evalInterval() > 0 && data.validationBlockCount() > 0
                    && (lastStep || isMultiple(completedSteps, config.evalInterval()));
            if (validateNow) {
                lastValidationLoss = validationLoss();
                listener.onEvent(new ValidationEvent(completedSteps, lastValidationLoss));
            }
            boolean checkpointNow = config.checkpointDir() != null
                    && (lastStep || isMultiple(completedSteps, config.checkpointInterval()));
            if (checkpointNow) {
                lastCheckpoint = saveCheckpoint();
                listener.onEvent(new CheckpointEvent(completedSteps, lastCheckpoint));
            }
        }
        return finish(listener, started, lastCheckpoint, false);
    }

    /** The batch's rows in equal micro-batches, each a mean over its tokens weighted 1/M. */
    private List<UpdateStep.MicroBatch> microBatches(TokenBatch batch) {
        int[][] parts = update.parts(batch.batchSize());
        List<UpdateStep.MicroBatch> out = new ArrayList<>(parts.length);
        int t = batch.contextLength();
        for (int[] rows : parts) {
            int count = rows[1] - rows[0];
            long[] inputs = Arrays.copyOfRange(batch.inputs(), rows[0] * t, rows[1] * t);
            long[] targets = Arrays.copyOfRange(batch.targets(), rows[0] * t, rows[1] * t);
            TokenBatch part = new TokenBatch(inputs, targets, count, t);
            out.add(new UpdateStep.MicroBatch(1.0 / parts.length, manager -> {
                NDArray targetIds = part.targets(manager);
                return new UpdateStep.LmInputs(model.embedTokens(part.inputs(manager)), null,
                        logits -> Losses.crossEntropy(logits, targetIds, null));
            }));
        }
        return out;
    }

    /**
     * Turns an out-of-memory failure of update completedSteps + 1 into a resumable stop. When the failure came
     * before the optimizer touched the weights (forward or backward, the usual case), the state after the last
     * completed update is saved with the data position before the failed batch, so nothing is lost or skipped;
     * otherwise the last periodic checkpoint stays the resume point.
     */
    private TrainingOutOfMemoryException outOfMemory(Throwable error, DataPosition before, Path lastCheckpoint) {
        Path checkpoint = lastCheckpoint;
        if (config.checkpointDir() != null) {
            try {
                if (!update.weightsMayHaveChanged()) {
                    data.seek(before);
                    checkpoint = saveCheckpoint();
                } else if (checkpoint == null) {
                    checkpoint = TrainingCheckpoint.latest(config.checkpointDir()).orElse(null);
                }
            } catch (IOException | RuntimeException saveFailure) {
                error.addSuppressed(saveFailure);
            }
        }
        String message = OutOfMemoryAdvice.message(completedSteps + 1, error, memoryEstimate(), config.compute(),
                config.batchSize(), null, checkpoint);
        return new TrainingOutOfMemoryException(message, completedSteps, checkpoint, error);
    }

    private TrainingResult finish(TrainingListener listener, Instant started, Path lastCheckpoint,
            boolean cancelled) {
        Duration elapsed = Duration.between(started, Instant.now());
        listener.onEvent(cancelled
                ? new CancelledEvent(completedSteps, elapsed)
                : new FinishedEvent(completedSteps, lastLoss, lastValidationLoss, elapsed));
        return new TrainingResult(completedSteps, cancelled, lastLoss, lastValidationLoss, lastCheckpoint, elapsed);
    }

    /** Mean loss over the fixed validation batches, without building a backward graph. */
    private double validationLoss() {
        double sum = 0;
        try (NoGradScope noGrad = NoGradScope.enter()) {
            for (int i = 0; i < config.evalBatches(); i++) {
                try (NDManager step = model.manager().newSubManager()) {
                    TokenBatch batch = data.validationBatch(i, config.batchSize());
                    NDArray logits = model.forward(batch.inputs(step), null); // [B, T, V]
                    sum += Losses.crossEntropy(logits, batch.targets(step), null).getFloat();
                }
            }
        }
        return sum / config.evalBatches();
    }

    private Path saveCheckpoint() throws IOException {
        CheckpointManifest manifest = new CheckpointManifest(CheckpointManifest.FORMAT, CheckpointManifest.VERSION,
                completedSteps, optimizer.stepCount(), data.position(), CheckpointManifest.hex(data.fingerprint()),
                CheckpointManifest.RNG_NOTE, finiteOrNull(lastLoss), finiteOrNull(lastValidationLoss),
                Instant.now().toString(), config, scaleOrNull(), update.scaler().enabled()
                        ? update.scaler().cleanSteps() : null);
        return TrainingCheckpoint.write(config.checkpointDir(), model, optimizer, manifest);
    }

    private Double scaleOrNull() {
        return update.scaler().enabled() ? update.scaler().scale() : null;
    }

    private int stepSeed() {
        long mixed = (config.seed() ^ 0x9E3779B97F4A7C15L) * 31 + completedSteps;
        return (int) (mixed ^ (mixed >>> 32));
    }

    /** Whether {@code step} falls on a positive {@code interval} (0 = never). */
    private static boolean isMultiple(int step, int interval) {
        return interval > 0 && step % interval == 0;
    }

    private static Double finiteOrNull(double value) {
        return Double.isFinite(value) ? value : null;
    }

    /** Frees the optimizer moments, and the model when this trainer owns it (resume, owning). */
    @Override
    public void close() {
        optimizer.close();
        if (ownsModel) {
            model.close();
        }
    }
}
