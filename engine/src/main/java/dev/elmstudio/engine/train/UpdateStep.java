package dev.elmstudio.engine.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import dev.elmstudio.engine.lm.CausalLm;
import dev.elmstudio.engine.lm.TrainingBackward;
import java.util.List;
import java.util.function.Function;

/**
 * One optimizer update as both trainers take it: forward and backward over the batch's micro-batches (gradients
 * accumulate), then one AdamW step on the fp32 master weights, with the loss scale divided out and the update
 * skipped (scale halved) when fp16 gradients overflowed.
 */
public final class UpdateStep {

    /** The LM inputs of one micro-batch, built in the micro-batch's own manager. */
    public record LmInputs(NDArray inputEmbeddings, NDArray attentionMask, Function<NDArray, NDArray> lossOfLogits) {}

    /**
     * One micro-batch.
     *
     * @param share its weight in the batch's loss (token share for masked losses; 1/M for equal parts); the
     *     shares of a batch sum to 1 so that the accumulated gradient is the full batch's
     * @param inputs builds its inputs in the given manager
     */
    public record MicroBatch(double share, Function<NDManager, LmInputs> inputs) {}

    /**
     * What one update did.
     *
     * @param loss the batch's loss (share-weighted mean of the micro-batch losses)
     * @param gradientNorm global norm of the true gradient before clipping; not finite when skipped
     * @param skipped the gradient overflowed in fp16: weights, moments and the update count were left alone
     * @param lossScale the scale this update used
     */
    public record Outcome(double loss, double gradientNorm, boolean skipped, double lossScale) {}

    /** A test hook that fails the update with a real exception, as the device would (e.g. out of memory). */
    @FunctionalInterface
    public interface FaultInjector {
        FaultInjector NONE = step -> { };

        /** Called before update {@code step} (1-based) computes anything; may throw. */
        void beforeUpdate(int step);
    }

    private final CausalLm lm;
    private final ComputeOptions options;
    private final LossScaler scaler;
    private volatile boolean optimizerStarted;

    public UpdateStep(CausalLm lm, ComputeOptions options, LossScaler scaler) {
        options.precision().computeType(); // refuses bf16 before anything runs
        this.lm = lm;
        this.options = options;
        this.scaler = scaler;
    }

    public LossScaler scaler() {
        return scaler;
    }

    public ComputeOptions options() {
        return options;
    }

    /**
     * Accumulates the micro-batches' gradients and applies one update.
     *
     * @param parent manager the per-update arrays are children of (the model's)
     */
    public Outcome run(List<MicroBatch> microBatches, AdamW optimizer, double learningRate, double maxGradNorm,
            NDManager parent) {
        optimizerStarted = false;
        double scale = scaler.scale();
        double loss = 0;
        double norm;
        lm.setComputeType(options.precision().computeType());
        // Everything the update allocates lives in `step` and is freed when it closes; only the parameters and the
        // optimizer moments outlive it.
        try (NDManager step = parent.newSubManager();
                GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            for (MicroBatch micro : microBatches) {
                try (NDManager part = step.newSubManager()) { // one micro-batch's activations at a time
                    LmInputs in = micro.inputs().apply(part);
                    float partLoss = TrainingBackward.run(lm, in.inputEmbeddings(), in.attentionMask(),
                            in.lossOfLogits(), (float) (scale * micro.share()), options.checkpointActivations());
                    loss += micro.share() * partLoss;
                }
            }
            optimizerStarted = true;
            norm = optimizer.step(learningRate, maxGradNorm, step, scale, scaler.enabled());
            optimizerStarted = false; // completed: the weights are this update's, consistently
        } finally {
            lm.setComputeType(ai.djl.ndarray.types.DataType.FLOAT32);
        }
        boolean finite = Double.isFinite(norm);
        scaler.update(finite);
        return new Outcome(loss, norm, !finite, scale);
    }

    /**
     * Whether the last {@link #run} reached the optimizer: after a failure inside it the weights may be partly
     * updated, before it (forward, backward) they are exactly the previous update's.
     */
    public boolean weightsMayHaveChanged() {
        return optimizerStarted;
    }

    /** Row ranges [from, to) of {@code batchSize} rows split into the configured number of equal parts. */
    public int[][] parts(int batchSize) {
        options.requireDivides(batchSize);
        int m = options.microBatches();
        int size = batchSize / m;
        int[][] parts = new int[m][];
        for (int i = 0; i < m; i++) {
            parts[i] = new int[] {i * size, (i + 1) * size};
        }
        return parts;
    }
}
