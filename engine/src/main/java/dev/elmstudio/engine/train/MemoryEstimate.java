package dev.elmstudio.engine.train;

import dev.elmstudio.engine.lm.LmConfig;
import java.util.Locale;

/**
 * A rough forecast of a training run's peak memory, before it starts: the fp32 weights, the gradients and AdamW's
 * two moments of the trainable ones, and the activations one micro-batch keeps for backward.
 *
 * <p>Activations are counted from what this engine's forward pass actually keeps per token and layer (its op
 * sequence in {@code lm.CausalLm}, {@code Attention}, {@code Mlp}): the fp32 residual and norm intermediates
 * (about 10·D fp32 values), the projections, rotations and MLP in the compute type (about 10·D + 5·I values), and
 * the attention scores of the token's row (H·T values in the compute type, plus masked scores and softmax in fp32).
 * The head keeps V logits per token in the compute type and two fp32 copies (logits and log-softmax). With
 * activation checkpointing only each block's fp32 input is kept per layer, plus one block's activations at a time.
 * It ignores allocator fragmentation and libtorch workspaces: treat it as ±30 %, not as a guarantee.
 *
 * @param weightBytes all parameters, fp32
 * @param gradientBytes gradients of the trainable parameters, fp32
 * @param optimizerBytes AdamW moments of the trainable parameters, fp32
 * @param activationBytes what one micro-batch keeps for backward
 * @param activationBytesPerToken activationBytes / tokens of one micro-batch
 */
public record MemoryEstimate(long weightBytes, long gradientBytes, long optimizerBytes, long activationBytes,
        long activationBytesPerToken) {

    /**
     * @param lm the model's shape
     * @param trainableParameters scalars that get gradients and AdamW state
     * @param extraParameters scalars outside the LM (adapters, LoRA) that are also stored, fp32
     * @param batchSize examples (sequences) per update
     * @param tokensPerExample sequence length T
     */
    public static MemoryEstimate of(LmConfig lm, long trainableParameters, long extraParameters, int batchSize,
            int tokensPerExample, ComputeOptions options) {
        long weights = 4 * (lm.parameterCount() + extraParameters);
        long gradients = 4 * trainableParameters;
        long optimizer = 8 * trainableParameters;
        int b = options.precision() == Precision.FP32 ? 4 : 2;
        long d = lm.hiddenSize();
        long inner = lm.intermediateSize();
        long t = tokensPerExample;
        long perLayer = 4 * 10 * d + b * (10 * d + 5 * inner) + (long) lm.numHeads() * t * (b + 8);
        long head = (long) lm.vocabSize() * (b + 8);
        long layers = lm.numLayers();
        long perToken = options.checkpointActivations()
                ? layers * 4 * d + perLayer + head
                : layers * perLayer + head;
        long tokens = (long) (batchSize / options.microBatches()) * t;
        return new MemoryEstimate(weights, gradients, optimizer, perToken * tokens, perToken);
    }

    public long totalBytes() {
        return weightBytes + gradientBytes + optimizerBytes + activationBytes;
    }

    /** One line: "2.31 GiB total = weights 0.46 + gradients 0.46 + AdamW 0.93 + activations 0.46 (31 KiB/token)". */
    public String summary() {
        return String.format(Locale.ROOT, "%s total = weights %s + gradients %s + AdamW %s + activations %s"
                + " (%s per token)", bytes(totalBytes()), bytes(weightBytes), bytes(gradientBytes),
                bytes(optimizerBytes), bytes(activationBytes), bytes(activationBytesPerToken));
    }

    static String bytes(long n) {
        if (n >= 1L << 30) {
            return String.format(Locale.ROOT, "%.2f GiB", n / (double) (1L << 30));
        }
        if (n >= 1L << 20) {
            return String.format(Locale.ROOT, "%.1f MiB", n / (double) (1L << 20));
        }
        return String.format(Locale.ROOT, "%.1f KiB", n / 1024.0);
    }
}
