package dev.elmstudio.engine.lm;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A decoder-only transformer written with DJL NDArray ops and trained with DJL autograd.
 *
 * <p>{@code forward} reads like nanoGPT's: embed, then blocks, then final norm, then head. Parameters carry Hugging
 * Face names (see {@link ParameterNames}) in torch.nn.Linear layout [out, in] and live in the model's own
 * NDManager; everything a forward pass creates joins the manager of its input, so callers run each step in a
 * child manager that they close.
 */
public final class CausalLm implements AutoCloseable {
    private final LmConfig config;
    private final NDManager manager;
    private final ParameterStore parameters;
    private final NDArray tokenEmbedding;
    private final NDArray positionEmbedding;
    private final List<BlockWeights> blocks = new ArrayList<>();
    private final NDArray finalNormWeight;
    private final NDArray finalNormBias;
    private final NDArray headWeight;
    private final Rotary rotary;
    private volatile LinearDelta linearDelta;
    private volatile DataType computeType = DataType.FLOAT32;

    /** A freshly initialised model: normal(0, initializerRange) weights, GPT-2's scaled residual projections. */
    public CausalLm(LmConfig config, Device device, long seed) {
        this.config = config;
        this.manager = NDManager.newBaseManager(device);
        this.manager.setName("causal-lm");
        this.parameters = new ParameterStore(manager, seed);
        double std = config.initializerRange();
        // GPT-2 scales the projections that write into the residual stream by 1/sqrt(2L) so its variance stays put.
        double residualStd = config.isGpt2() ? std / Math.sqrt(2.0 * config.numLayers()) : std;
        int d = config.hiddenSize();
        tokenEmbedding = parameters.normal(ParameterNames.tokenEmbedding(config), std, config.vocabSize(), d);
        positionEmbedding = config.isGpt2()
                ? parameters.normal(ParameterNames.positionEmbedding(), std, config.maxPositions(), d)
                : null;
        for (int i = 0; i < config.numLayers(); i++) {
            blocks.add(config.isGpt2() ? gpt2Block(i, std, residualStd) : llamaBlock(i, std));
        }
        finalNormWeight = parameters.constant(ParameterNames.finalNorm(config, "weight"), 1f, d);
        finalNormBias = config.isGpt2() ? parameters.constant(ParameterNames.finalNorm(config, "bias"), 0f, d) : null;
        headWeight = config.tieWordEmbeddings()
                ? tokenEmbedding
                : parameters.normal(ParameterNames.head(), std, config.vocabSize(), d);
        rotary = config.isGpt2() ? null : new Rotary(manager, config.maxPositions(), config.headDim(),
                config.ropeTheta(), config.ropeScaling());
    }

    private BlockWeights gpt2Block(int i, double std, double residualStd) {
        String p = ParameterNames.block(config, i);
        long d = config.hiddenSize();
        long inner = config.intermediateSize();
        return new BlockWeights(
                parameters.constant(p + "ln_1.weight", 1f, d),
                parameters.constant(p + "ln_1.bias", 0f, d),
                parameters.normal(p + "attn.c_attn.weight", std, 3 * d, d),
                parameters.constant(p + "attn.c_attn.bias", 0f, 3 * d),
                null, null, null, null, null, null,
                parameters.normal(p + "attn.c_proj.weight", residualStd, d, d),
                parameters.constant(p + "attn.c_proj.bias", 0f, d),
                parameters.constant(p + "ln_2.weight", 1f, d),
                parameters.constant(p + "ln_2.bias", 0f, d),
                parameters.normal(p + "mlp.c_fc.weight", std, inner, d),
                parameters.constant(p + "mlp.c_fc.bias", 0f, inner),
                null,
                parameters.normal(p + "mlp.c_proj.weight", residualStd, d, inner),
                parameters.constant(p + "mlp.c_proj.bias", 0f, d));
    }

    private BlockWeights llamaBlock(int i, double std) {
        String p = ParameterNames.block(config, i);
        long d = config.hiddenSize();
        long q = (long) config.numHeads() * config.headDim();
        long kv = (long) config.numKvHeads() * config.headDim();
        long inner = config.intermediateSize();
        boolean bias = config.attentionBias();
        return new BlockWeights(
                parameters.constant(p + "input_layernorm.weight", 1f, d),
                null, null, null,
                parameters.normal(p + "self_attn.q_proj.weight", std, q, d),
                parameters.optionalZeros(p + "self_attn.q_proj.bias", bias, q),
                parameters.normal(p + "self_attn.k_proj.weight", std, kv, d),
                parameters.optionalZeros(p + "self_attn.k_proj.bias", bias, kv),
                parameters.normal(p + "self_attn.v_proj.weight", std, kv, d),
                parameters.optionalZeros(p + "self_attn.v_proj.bias", bias, kv),
                parameters.normal(p + "self_attn.o_proj.weight", std, d, q),
                null,
                parameters.constant(p + "post_attention_layernorm.weight", 1f, d),
                null,
                parameters.normal(p + "mlp.up_proj.weight", std, inner, d),
                null,
                parameters.normal(p + "mlp.gate_proj.weight", std, inner, d),
                parameters.normal(p + "mlp.down_proj.weight", std, d, inner),
                null);
    }

    public LmConfig config() {
        return config;
    }

    /** The manager that owns the parameters (and nothing per-step). */
    public NDManager manager() {
        return manager;
    }

    public Device device() {
        return manager.getDevice();
    }

    /** Every parameter by Hugging Face name, in a fixed order; a tied head appears once, as the token embedding. */
    public Map<String, NDArray> parameters() {
        return parameters.view();
    }

    /** Copies {@code value} into parameter {@code name}, keeping its identity (optimizers hold references to it). */
    public void copyParameter(String name, NDArray value) {
        NDArray target = parameters.get(name);
        if (!target.getShape().equals(value.getShape())) {
            throw new IllegalArgumentException("parameter '" + name + "' has shape " + target.getShape()
                    + " but the value has shape " + value.getShape());
        }
        boolean trainable = target.hasGradient();
        // DJL returns the same array from toDevice/toType when nothing changes, even when asked for a copy; an
        // explicit duplicate keeps the parameter from sharing (possibly Java-owned) memory with the caller's array.
        NDArray copy = value.toDevice(device(), false).toType(DataType.FLOAT32, false).duplicate();
        target.intern(copy);
        if (trainable) {
            target.setRequiresGradient(true);
        }
    }

    /** Marks the parameters whose names match as trainable (gradient attached) and all others as frozen. */
    public void setTrainable(Predicate<String> which) {
        parameters.view().forEach((name, array) -> array.setRequiresGradient(which.test(name)));
    }

    /**
     * Adds {@code delta}'s terms to the linear layers of every later forward pass (LoRA); null removes them.
     * The base weights stay as they are.
     */
    public void setLinearDelta(LinearDelta delta) {
        this.linearDelta = delta;
    }

    public LinearDelta linearDelta() {
        return linearDelta;
    }

    /**
     * The type the blocks' matrix products run in: FLOAT32 (default) or FLOAT16 for mixed-precision training.
     * Parameters stay fp32 (the master copy the optimizer updates); each forward pass uses differentiable fp16
     * copies of them. The residual stream, norms, attention softmax and logits stay fp32, as under torch autocast.
     */
    public void setComputeType(DataType type) {
        if (type != DataType.FLOAT32 && type != DataType.FLOAT16) {
            throw new IllegalArgumentException("compute type must be FLOAT32 or FLOAT16, got " + type);
        }
        this.computeType = type;
    }

    public DataType computeType() {
        return computeType;
    }

    /** Token ids [B, T] (int64) → input embeddings [B, T, D]. */
    public NDArray embedTokens(NDArray ids) {
        return Ops.embedding(ids, tokenEmbedding);
    }

    /**
     * Logits for every position.
     *
     * @param ids token ids [B, T], int64
     * @param attentionMask [B, T], 1 for real tokens and 0 for padding; null when nothing is padded
     * @return logits [B, T, V], attached to the manager of {@code ids}
     */
    public NDArray forward(NDArray ids, NDArray attentionMask) {
        return forwardEmbeddings(embedTokens(ids), attentionMask, null, false);
    }

    /**
     * The transformer on input embeddings — token embeddings, or an ELM prompt in which some positions hold
     * adapter outputs instead.
     *
     * @param inputEmbeddings [B, T, D]
     * @param attentionMask [B, T] 1/0, or null
     * @param cache keys and values of earlier positions (extended in place), or null
     * @param lastPositionOnly compute logits for the last position only ([B, 1, V]), as decoding needs
     * @return logits [B, T, V] (or [B, 1, V])
     */
    public NDArray forwardEmbeddings(NDArray inputEmbeddings, NDArray attentionMask, KvCache cache,
            boolean lastPositionOnly) {
        NDArray hidden = hiddenStates(inputEmbeddings, attentionMask, cache);
        if (lastPositionOnly && hidden.getShape().get(1) > 1) {
            hidden = hidden.get(new NDIndex(":, -1:, :")); // [B, 1, D]
        }
        return head(hidden);
    }

    /** Final-normed hidden states [B, T, D] → fp32 logits [B, T, V] (the product itself in the compute type). */
    private NDArray head(NDArray hidden) {
        return Ops.cast(Ops.linear(Ops.cast(hidden, computeType), headWeight, null), DataType.FLOAT32);
    }

    /** Final-normed hidden states [B, T, D] (the head's input). */
    public NDArray hiddenStates(NDArray inputEmbeddings, NDArray attentionMask, KvCache cache) {
        int tokens = Math.toIntExact(inputEmbeddings.getShape().get(1));
        Prelude p = prelude(inputEmbeddings, attentionMask, cache);
        NDArray x = p.x();
        LinearDelta delta = linearDelta; // one value for the whole pass
        for (int i = 0; i < blocks.size(); i++) {
            x = block(i, x, p, cache, delta);
        }
        if (cache != null) {
            cache.advance(tokens, p.context().fullKeyMask());
        }
        return norm(x, finalNormWeight, finalNormBias);
    }

    /** What the blocks of one pass share, and the residual stream entering block 0. */
    record Prelude(NDArray x, AttentionContext context, NDList rotaryAngles) {}

    /** Masks and positions for a pass, and the input with GPT-2's learned positions added. */
    Prelude prelude(NDArray inputEmbeddings, NDArray attentionMask, KvCache cache) {
        long batch = inputEmbeddings.getShape().get(0);
        int tokens = Math.toIntExact(inputEmbeddings.getShape().get(1));
        int past = cache == null ? 0 : cache.length();
        if (past + tokens > config.maxPositions()) {
            throw new IllegalArgumentException("sequence of " + (past + tokens) + " positions exceeds the model's "
                    + config.maxPositions());
        }
        AttentionContext context = AttentionContext.build(inputEmbeddings.getManager(), Math.toIntExact(batch), past,
                tokens, attentionMask, cache == null ? null : cache.keyMask(), config.headDim());
        if (config.isGpt2()) {
            return new Prelude(positioned(inputEmbeddings, context), context, null);
        }
        return new Prelude(inputEmbeddings, context, rotary.lookup(context.positions()));
    }

    /** GPT-2: input embeddings plus learned positions; Llama: the input itself (positions enter as rotations). */
    NDArray positioned(NDArray inputEmbeddings, AttentionContext context) {
        return config.isGpt2()
                ? inputEmbeddings.add(Ops.embedding(context.positions(), positionEmbedding)) // [B, T, D]
                : inputEmbeddings;
    }

    int blockCount() {
        return blocks.size();
    }

    /** Final norm and head on the residual stream: fp32 logits [B, T, V]. */
    NDArray logitsOf(NDArray x) {
        return head(norm(x, finalNormWeight, finalNormBias));
    }

    /**
     * Block i on the fp32 residual stream x [B, T, D]. The normed input is cast to the compute type; the fp16
     * outputs are promoted back to fp32 when added to the residual.
     */
    NDArray block(int i, NDArray x, Prelude p, KvCache cache, LinearDelta delta) {
        BlockWeights w = blocks.get(i);
        DataType type = computeType;
        x = x.add(Attention.forward(Ops.cast(norm(x, w.norm1Weight(), w.norm1Bias()), type), w, config,
                p.rotaryAngles(), p.context(), cache, i, delta));
        return x.add(Mlp.forward(Ops.cast(norm(x, w.norm2Weight(), w.norm2Bias()), type), w, config, delta));
    }

    /** An empty cache for incremental decoding; close it when the generation ends. */
    public KvCache newCache() {
        return new KvCache(manager, config.numLayers());
    }

    private NDArray norm(NDArray x, NDArray weight, NDArray bias) {
        return config.isGpt2()
                ? Ops.layerNorm(x, weight, bias, config.normEps())
                : Ops.rmsNorm(x, weight, config.normEps());
    }

    @Override
    public void close() {
        manager.close();
    }
}
