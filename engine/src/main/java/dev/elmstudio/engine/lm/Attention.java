package dev.elmstudio.engine.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;

/**
 * Causal multi-head self-attention with optional grouped-query attention (Hkv key/value heads shared by
 * H / Hkv query heads each) and an optional KV cache.
 *
 * <p>Letters: B batch, T new tokens, S keys (past + new), D width, H query heads, Hkv key/value heads, hd head
 * width. Tensor code uses them as local names, as the paper and nanoGPT do.
 */
final class Attention {
    private Attention() {}

    /**
     * @param h normalised input [B, T, D]
     * @param rotary cos/sin [B|1, 1, T, hd] for Llama, null for GPT-2 (its positions were added to the input)
     * @param delta extra terms for the projections (LoRA), or null
     * @return attention output projected back to [B, T, D]
     */
    static NDArray forward(NDArray h, BlockWeights w, LmConfig c, NDList rotary, AttentionContext context,
            KvCache cache, int layer, LinearDelta delta) {
        long batch = h.getShape().get(0);
        long tokens = h.getShape().get(1);
        int heads = c.numHeads();
        int kvHeads = c.numKvHeads();
        int hd = c.headDim();
        NDArray q;
        NDArray k;
        NDArray v;
        if (c.isGpt2() && tokens == 1) {
            // Decoding one token: [B, 1, 3·H·hd] is already [B, 3H, 1, hd] in memory, so two ops instead of seven
            // (the per-op cost, not arithmetic, dominates a decoding step).
            NDList qkv = Ops.linear(h, w.qkvWeight(), w.qkvBias(), delta).reshape(batch, 3L * heads, 1, hd).split(3, 1);
            q = qkv.get(0); // [B, H, 1, hd]
            k = qkv.get(1);
            v = qkv.get(2);
        } else if (c.isGpt2()) {
            NDList qkv = Ops.linear(h, w.qkvWeight(), w.qkvBias(), delta).split(3, 2); // 3 × [B, T, D]; DJL split takes no negative axis
            q = splitHeads(qkv.get(0), batch, tokens, heads, hd);
            k = splitHeads(qkv.get(1), batch, tokens, heads, hd);
            v = splitHeads(qkv.get(2), batch, tokens, heads, hd);
        } else {
            q = splitHeads(Ops.linear(h, w.qWeight(), w.qBias(), delta), batch, tokens, heads, hd); // [B, H, T, hd]
            k = splitHeads(Ops.linear(h, w.kWeight(), w.kBias(), delta), batch, tokens, kvHeads, hd); // [B, Hkv, T, hd]
            v = splitHeads(Ops.linear(h, w.vWeight(), w.vBias(), delta), batch, tokens, kvHeads, hd);
        }
        if (rotary != null) {
            q = Rotary.apply(q, rotary);
            k = Rotary.apply(k, rotary);
        }
        if (cache != null) {
            NDArray[] full = cache.append(layer, k, v); // [B, Hkv, S, hd]
            k = full[0];
            v = full[1];
        }
        if (kvHeads != heads) {
            k = repeatKvHeads(k, heads / kvHeads);
            v = repeatKvHeads(v, heads / kvHeads);
        }
        // Scaling q (T·hd values) is cheaper than scaling the scores (T·S values).
        NDArray scores = q.mul(context.queryScale())
                .matMul(k.transpose(0, 1, 3, 2)); // [B, H, T, S]
        if (context.additiveMask() != null) {
            scores = scores.add(context.additiveMask()); // fp32 mask: fp16 scores are promoted, softmax runs in fp32
        }
        NDArray out = Ops.cast(scores.softmax(3), v.getDataType()).matMul(v); // [B, H, T, hd]
        out = tokens == 1
                ? out.reshape(batch, 1, (long) heads * hd) // [B, H, 1, hd] is [B, 1, H·hd] in memory
                : out.transpose(0, 2, 1, 3).reshape(batch, tokens, (long) heads * hd); // [B, T, H·hd]
        return Ops.linear(out, w.oWeight(), w.oBias(), delta);
    }

    /** [B, T, n·hd] → [B, n, T, hd]. */
    private static NDArray splitHeads(NDArray x, long batch, long tokens, int n, int hd) {
        if (tokens == 1) {
            return x.reshape(batch, n, 1, hd); // same memory order when T = 1; saves the transpose
        }
        return x.reshape(batch, tokens, n, hd).transpose(0, 2, 1, 3);
    }

    /** [B, Hkv, S, hd] → [B, Hkv·g, S, hd], each key/value head repeated for its g query heads. */
    private static NDArray repeatKvHeads(NDArray x, int groups) {
        Shape s = x.getShape();
        return x.expandDims(2)
                .broadcast(new Shape(s.get(0), s.get(1), groups, s.get(2), s.get(3)))
                .reshape(s.get(0), s.get(1) * groups, s.get(2), s.get(3));
    }
}
