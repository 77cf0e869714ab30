package dev.elmstudio.engine.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;

/**
 * What every layer of one forward pass shares: the additive attention mask and the position of each new token.
 *
 * <p>The mask is 0 where a query may attend and -1e9 where it may not (a later key, or a padding key). A finite
 * value instead of -inf keeps fully masked rows (padding queries) from turning into NaN, and exp(-1e9) is exactly
 * 0 in fp32, so padding changes nothing for real tokens. Positions count real tokens only, so a left-padded
 * sequence gets the same positions as the unpadded one.
 *
 * @param additiveMask [1, 1, T, S] without padding, else [B, 1, T, S]; null when nothing is masked (one new token
 *     after an unpadded prefix sees every key), which saves decoding steps an add per layer
 * @param positions [1, T] without padding, else [B, T]; int64
 * @param fullKeyMask [B, S] 1/0 over past and new keys, or null without padding
 * @param queryScale 1/sqrt(hd) as a 0-d tensor in libtorch memory, made once per pass for every layer (autograd
 *     saves it, so it must not be one of DJL's short-lived Java-backed scalars)
 */
record AttentionContext(NDArray additiveMask, NDArray positions, NDArray fullKeyMask, NDArray queryScale) {
    private static final float MASKED = -1e9f;

    /**
     * @param manager where the arrays go (the step's)
     * @param past tokens already in the KV cache
     * @param newTokens T
     * @param newMask [B, T] 1/0 or null
     * @param pastMask [B, past] 1/0 or null
     */
    static AttentionContext build(NDManager manager, int batch, int past, int newTokens, NDArray newMask,
            NDArray pastMask, int headDim) {
        NDArray scale = manager.full(new ai.djl.ndarray.types.Shape(), (float) (1.0 / Math.sqrt(headDim)));
        int total = past + newTokens;
        if (newTokens == 1 && newMask == null && pastMask == null) {
            NDArray position = manager.create(new long[] {past}, new ai.djl.ndarray.types.Shape(1, 1));
            return new AttentionContext(null, position, null, scale);
        }
        NDArray queryIndex = manager.arange(past, total).reshape(newTokens, 1);
        NDArray keyIndex = manager.arange(0, total).reshape(1, total);
        NDArray causal = keyIndex.lte(queryIndex).toType(DataType.FLOAT32, false).sub(1f).mul(-MASKED)
                .reshape(1, 1, newTokens, total); // [1, 1, T, S]
        if (newMask == null && pastMask == null) {
            NDArray positions = manager.arange((long) past, (long) total, 1L, DataType.INT64).reshape(1, newTokens);
            return new AttentionContext(causal, positions, null, scale);
        }
        NDArray fresh = newMask != null
                ? newMask.toType(DataType.FLOAT32, false)
                : manager.ones(new ai.djl.ndarray.types.Shape(batch, newTokens));
        NDArray old = pastMask != null
                ? pastMask
                : manager.ones(new ai.djl.ndarray.types.Shape(batch, past));
        NDArray full = past == 0 ? fresh : old.concat(fresh, 1); // [B, S]
        NDArray padding = full.sub(1f).mul(-MASKED).reshape(batch, 1, 1, total); // 0 real, -1e9 padding
        NDArray positions = full.cumSum(1).sub(1f).clip(0f, Float.MAX_VALUE)
                .get(new NDIndex(":, {}:", past))
                .toType(DataType.INT64, false); // [B, T]
        return new AttentionContext(causal.add(padding), positions, full, scale);
    }
}
