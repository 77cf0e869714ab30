package dev.elmstudio.engine.lm;

import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One training forward and backward pass of a {@link CausalLm}, optionally with activation checkpointing.
 *
 * <p>Plain: the whole graph is kept until backward, so activation memory grows with layers × tokens.
 *
 * <p>Checkpointed (what {@code torch.utils.checkpoint} does, per transformer block): a first forward pass without
 * autograd keeps only each block's input [B, T, D] (each block runs in its own DJL manager, closed after it, since
 * DJL keeps every op's result alive until its manager closes). Backward then walks the blocks from the last: it reruns block i
 * from a detached copy of its input with autograd on, and back-propagates the gradient that block i + 1 handed
 * down into it ({@code torch::autograd::backward(output, grad)}, which DJL exposes as {@code JniUtils.backward}). The
 * parameters' gradients accumulate as usual and the input copy's gradient is handed to block i − 1. Only one
 * block's graph exists at a time, for one extra forward pass of compute. This runs inside the caller's single
 * {@code GradientCollector}: no second collector is needed, only repeated backward calls into it. The blocks have
 * no dropout, so the rerun computes exactly what the first pass did.
 */
public final class TrainingBackward {
    private TrainingBackward() {}

    /**
     * Runs forward and backward for one micro-batch; gradients (times {@code gradientMultiplier}) accumulate on the
     * trainable parameters and flow on into {@code inputEmbeddings}' own graph (adapters, token embedding). Call it
     * inside an open {@code GradientCollector}.
     *
     * @param inputEmbeddings [B, T, D], with whatever graph produced them
     * @param attentionMask [B, T] 1/0 or null
     * @param lossOfLogits fp32 logits [B, T, V] → scalar loss
     * @param gradientMultiplier the loss scale times this micro-batch's share of the batch
     * @param checkpoint recompute each block in backward instead of keeping its activations
     * @return the loss (not multiplied)
     */
    public static float run(CausalLm lm, NDArray inputEmbeddings, NDArray attentionMask,
            Function<NDArray, NDArray> lossOfLogits, float gradientMultiplier, boolean checkpoint) {
        if (!checkpoint) {
            NDArray loss = lossOfLogits.apply(lm.forwardEmbeddings(inputEmbeddings, attentionMask, null, false));
            backward(loss, loss.getManager().full(new Shape(), gradientMultiplier, loss.getDataType()));
            return loss.getFloat();
        }
        NDManager scope = inputEmbeddings.getManager();
        LinearDelta delta = lm.linearDelta();
        CausalLm.Prelude prelude;
        List<NDArray> blockInputs = new ArrayList<>(lm.blockCount() + 1);
        try (NoGradScope noGrad = NoGradScope.enter()) {
            prelude = lm.prelude(inputEmbeddings.stopGradient(), attentionMask, null);
            NDArray x = prelude.x();
            for (int i = 0; i < lm.blockCount(); i++) {
                blockInputs.add(x);
                // DJL frees an op's result only with its manager: the block runs in its own manager, so that its
                // intermediates go when it ends and only its output (moved out) is kept.
                try (NDManager block = scope.newSubManager()) {
                    NDArray input = x.stopGradient();
                    input.attach(block);
                    x = lm.block(i, input, prelude, null, delta);
                    x.attach(scope);
                }
            }
            blockInputs.add(x);
        }
        float lossValue;
        NDArray gradient; // d(loss · multiplier) / d(residual stream) at the current block boundary
        try (NDManager segment = scope.newSubManager()) {
            NDArray top = leaf(blockInputs.get(lm.blockCount()), segment);
            NDArray loss = lossOfLogits.apply(lm.logitsOf(top));
            backward(loss, segment.full(new Shape(), gradientMultiplier, loss.getDataType()));
            lossValue = loss.getFloat();
            gradient = handOver(top, scope);
        }
        for (int i = lm.blockCount() - 1; i >= 0; i--) {
            try (NDManager segment = scope.newSubManager()) {
                NDArray input = leaf(blockInputs.get(i), segment);
                backward(lm.block(i, input, prelude, null, delta), gradient);
                gradient.close();
                blockInputs.get(i + 1).close();
                gradient = handOver(input, scope);
            }
        }
        try (NDManager segment = scope.newSubManager()) {
            NDArray input = leaf(inputEmbeddings, segment);
            NDArray positioned = lm.positioned(input, prelude.context());
            if (positioned != input) {
                backward(positioned, gradient); // GPT-2's learned positions
                gradient = handOver(input, scope);
            }
            backwardIntoCaller(inputEmbeddings, gradient);
        }
        return lossValue;
    }

    /**
     * Continues backward into the graph that produced the input embeddings (token embedding, adapters). There is
     * none when nothing upstream is trainable; libtorch then refuses the call, which is the answer, not an error.
     * (DJL's requiresGrad reports false for non-leaf tensors, so it cannot be asked beforehand.)
     */
    private static void backwardIntoCaller(NDArray inputEmbeddings, NDArray gradient) {
        try {
            backward(inputEmbeddings, gradient);
        } catch (EngineException e) {
            if (e.getMessage() == null || !e.getMessage().contains("does not require grad")) {
                throw e;
            }
        }
    }

    /** A detached copy of {@code x} in {@code manager} that collects its own gradient. */
    private static NDArray leaf(NDArray x, NDManager manager) {
        NDArray leaf = x.stopGradient();
        leaf.attach(manager); // everything computed from it joins the segment and dies with it
        leaf.setRequiresGradient(true);
        return leaf;
    }

    /** The gradient a backward pass left on {@code leaf}, moved out of the closing segment. */
    private static NDArray handOver(NDArray leaf, NDManager keeper) {
        NDArray gradient = leaf.getGradient();
        gradient.attach(keeper);
        return gradient;
    }

    private static void backward(NDArray output, NDArray outputGradient) {
        JniUtils.backward((PtNDArray) output, (PtNDArray) outputGradient, false, false);
    }
}
