package dev.elmstudio.engine.lm;

/**
 * Shape and flavour of a decoder-only transformer. One record covers both families:
 *
 * <ul>
 *   <li>{@link Architecture#GPT2}: LayerNorm with bias, learned positions, GELU (tanh form), biases on
 *       every projection, tied input/output embeddings.
 *   <li>{@link Architecture#LLAMA}: RMSNorm, rotary positions, SwiGLU MLP, grouped-query attention,
 *       optional qkv bias (Qwen2), tied or untied head (SmolLM ties it, Llama 3 does not).
 * </ul>
 *
 * Field names read as English; the Hugging Face {@code config.json} keys are mapped in
 * {@code checkpoint.HfConfigJson}.
 *
 * @param architecture model family
 * @param vocabSize number of token ids (V)
 * @param hiddenSize model width (D)
 * @param numLayers transformer blocks (L)
 * @param numHeads query heads (H)
 * @param numKvHeads key/value heads (Hkv); equals numHeads unless grouped-query attention
 * @param intermediateSize MLP hidden width (4·D for GPT-2)
 * @param maxPositions longest sequence the model accepts (learned positions / rotary table)
 * @param normEps epsilon of LayerNorm / RMSNorm
 * @param ropeTheta rotary base frequency (Llama only)
 * @param tieWordEmbeddings whether the output head reuses the token embedding matrix
 * @param attentionBias whether q/k/v projections carry a bias (always true for GPT-2)
 * @param initializerRange standard deviation of the normal initialisation
 * @param activation MLP non-linearity: exact GELU (fused in libtorch, our default for GPT-2 style models we
 *     pretrain), GELU tanh approximation (OpenAI's GPT-2 checkpoints, "gelu_new"), or SiLU (Llama's SwiGLU)
 * @param ropeScaling how rotary frequencies are stretched (Llama 3.1/3.2 long context); {@link RopeScaling#NONE}
 *     for plain RoPE and always for GPT-2
 */
public record LmConfig(
        Architecture architecture,
        int vocabSize,
        int hiddenSize,
        int numLayers,
        int numHeads,
        int numKvHeads,
        int intermediateSize,
        int maxPositions,
        double normEps,
        double ropeTheta,
        boolean tieWordEmbeddings,
        boolean attentionBias,
        double initializerRange,
        Activation activation,
        RopeScaling ropeScaling) {

    /** The two transformer families this engine implements. */
    public enum Architecture {
        GPT2,
        LLAMA
    }

    /** MLP non-linearity; names follow Hugging Face's {@code activation_function} / {@code hidden_act}. */
    public enum Activation {
        /** Exact erf GELU ("gelu"). */
        GELU,
        /** Tanh approximation of GELU ("gelu_new", "gelu_pytorch_tanh"). */
        GELU_TANH,
        /** x·sigmoid(x) ("silu"), used gated in SwiGLU. */
        SILU
    }

    /** A config with plain RoPE (no rope scaling). */
    public LmConfig(Architecture architecture, int vocabSize, int hiddenSize, int numLayers, int numHeads,
            int numKvHeads, int intermediateSize, int maxPositions, double normEps, double ropeTheta,
            boolean tieWordEmbeddings, boolean attentionBias, double initializerRange, Activation activation) {
        this(architecture, vocabSize, hiddenSize, numLayers, numHeads, numKvHeads, intermediateSize, maxPositions,
                normEps, ropeTheta, tieWordEmbeddings, attentionBias, initializerRange, activation, RopeScaling.NONE);
    }

    public LmConfig {
        if (ropeScaling == null) {
            ropeScaling = RopeScaling.NONE;
        }
        if (architecture == null) {
            throw new IllegalArgumentException("architecture is required (GPT2 or LLAMA)");
        }
        requirePositive("vocabSize", vocabSize);
        requirePositive("hiddenSize", hiddenSize);
        requirePositive("numLayers", numLayers);
        requirePositive("numHeads", numHeads);
        requirePositive("numKvHeads", numKvHeads);
        requirePositive("intermediateSize", intermediateSize);
        requirePositive("maxPositions", maxPositions);
        if (hiddenSize % numHeads != 0) {
            throw new IllegalArgumentException(
                    "hiddenSize " + hiddenSize + " is not divisible by numHeads " + numHeads);
        }
        if (numHeads % numKvHeads != 0) {
            throw new IllegalArgumentException(
                    "numHeads " + numHeads + " is not divisible by numKvHeads " + numKvHeads);
        }
        if (architecture == Architecture.GPT2 && numKvHeads != numHeads) {
            throw new IllegalArgumentException("GPT-2 has no grouped-query attention: numKvHeads must equal numHeads");
        }
        if (architecture == Architecture.LLAMA && ((hiddenSize / numHeads) % 2) != 0) {
            throw new IllegalArgumentException("rotary embeddings need an even head dimension, got " + (hiddenSize / numHeads));
        }
        if (activation == null) {
            throw new IllegalArgumentException("activation is required (GELU, GELU_TANH or SILU)");
        }
        if (architecture == Architecture.LLAMA && activation != Activation.SILU) {
            throw new IllegalArgumentException("Llama-style MLPs are SwiGLU: activation must be SILU, got " + activation);
        }
        if (architecture == Architecture.GPT2 && activation == Activation.SILU) {
            throw new IllegalArgumentException("GPT-2-style MLPs use GELU or GELU_TANH, got SILU");
        }
        if (architecture == Architecture.GPT2 && ropeScaling.kind() != RopeScaling.Kind.NONE) {
            throw new IllegalArgumentException("GPT-2 has learned positions: rope scaling does not apply");
        }
        if (!(normEps > 0)) {
            throw new IllegalArgumentException("normEps must be > 0, got " + normEps);
        }
    }

    /** GPT-2 style: LayerNorm, learned positions, GELU, tied embeddings, biases everywhere. */
    public static LmConfig gpt2(int vocabSize, int hiddenSize, int numLayers, int numHeads, int maxPositions) {
        return new LmConfig(Architecture.GPT2, vocabSize, hiddenSize, numLayers, numHeads, numHeads,
                4 * hiddenSize, maxPositions, 1e-5, 10000.0, true, true, 0.02, Activation.GELU);
    }

    /** Llama style: RMSNorm, RoPE, SwiGLU, grouped-query attention, untied head, no qkv bias. */
    public static LmConfig llama(int vocabSize, int hiddenSize, int numLayers, int numHeads, int numKvHeads,
            int intermediateSize, int maxPositions) {
        return new LmConfig(Architecture.LLAMA, vocabSize, hiddenSize, numLayers, numHeads, numKvHeads,
                intermediateSize, maxPositions, 1e-5, 10000.0, false, false, 0.02, Activation.SILU);
    }

    public int headDim() {
        return hiddenSize / numHeads;
    }

    public boolean isGpt2() {
        return architecture == Architecture.GPT2;
    }

    public LmConfig withTiedEmbeddings(boolean tied) {
        return new LmConfig(architecture, vocabSize, hiddenSize, numLayers, numHeads, numKvHeads, intermediateSize,
                maxPositions, normEps, ropeTheta, tied, attentionBias, initializerRange, activation, ropeScaling);
    }

    public LmConfig withAttentionBias(boolean bias) {
        return new LmConfig(architecture, vocabSize, hiddenSize, numLayers, numHeads, numKvHeads, intermediateSize,
                maxPositions, normEps, ropeTheta, tieWordEmbeddings, bias, initializerRange, activation, ropeScaling);
    }

    public LmConfig withRopeTheta(double theta) {
        return new LmConfig(architecture, vocabSize, hiddenSize, numLayers, numHeads, numKvHeads, intermediateSize,
                maxPositions, normEps, theta, tieWordEmbeddings, attentionBias, initializerRange, activation, ropeScaling);
    }

    public LmConfig withActivation(Activation act) {
        return new LmConfig(architecture, vocabSize, hiddenSize, numLayers, numHeads, numKvHeads, intermediateSize,
                maxPositions, normEps, ropeTheta, tieWordEmbeddings, attentionBias, initializerRange, act, ropeScaling);
    }

    public LmConfig withNormEps(double eps) {
        return new LmConfig(architecture, vocabSize, hiddenSize, numLayers, numHeads, numKvHeads, intermediateSize,
                maxPositions, eps, ropeTheta, tieWordEmbeddings, attentionBias, initializerRange, activation, ropeScaling);
    }

    public LmConfig withRopeScaling(RopeScaling scaling) {
        return new LmConfig(architecture, vocabSize, hiddenSize, numLayers, numHeads, numKvHeads, intermediateSize,
                maxPositions, normEps, ropeTheta, tieWordEmbeddings, attentionBias, initializerRange, activation,
                scaling);
    }

    /** Number of trainable scalars, counting a tied head once. */
    public long parameterCount() {
        long d = hiddenSize;
        long kv = (long) numKvHeads * headDim();
        long perLayer;
        long embed = (long) vocabSize * d;
        if (isGpt2()) {
            perLayer = 2 * 2 * d + (d * 3 * d + 3 * d) + (d * d + d) + (d * intermediateSize + intermediateSize)
                    + (intermediateSize * d + d);
            embed += (long) maxPositions * d;
            return embed + numLayers * perLayer + 2 * d;
        }
        perLayer = 2 * d + d * d + 2 * d * kv + d * d + 3 * d * intermediateSize;
        if (attentionBias) {
            perLayer += d + 2 * kv;
        }
        long head = tieWordEmbeddings ? 0 : (long) vocabSize * d;
        return embed + head + numLayers * perLayer + d;
    }

    private static void requirePositive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be > 0, got " + value);
        }
    }
}
