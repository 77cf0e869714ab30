package dev.elmstudio.engine.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * Keys and values of every layer for the tokens already seen, so decoding one more token costs one position's
 * work instead of the whole prefix. Cached arrays live in the cache's own manager (a child of the model's
 * manager), so per-step arrays can die with their step while the cache survives; close the cache to free it.
 *
 * <p>Shapes: keys and values per layer [B, Hkv, S, hd] with S = {@link #length()}; the key mask [B, S] holds
 * 1 for real tokens and 0 for padding, and is null while no padding mask was ever given.
 */
public final class KvCache implements AutoCloseable {
    private final NDManager manager;
    private final NDArray[] keys;
    private final NDArray[] values;
    private NDArray keyMask;
    private int length;

    KvCache(NDManager parent, int numLayers) {
        this.manager = parent.newSubManager();
        this.keys = new NDArray[numLayers];
        this.values = new NDArray[numLayers];
    }

    /** Number of positions cached so far. */
    public int length() {
        return length;
    }

    NDArray keyMask() {
        return keyMask;
    }

    /** Appends this step's k, v [B, Hkv, T, hd] to layer {@code layer} and returns the full k, v [B, Hkv, S+T, hd]. */
    NDArray[] append(int layer, NDArray k, NDArray v) {
        keys[layer] = extend(keys[layer], k);
        values[layer] = extend(values[layer], v);
        return new NDArray[] {keys[layer], values[layer]};
    }

    /** Called once per forward pass after every layer appended: moves the length on by T and keeps the mask. */
    void advance(int newTokens, NDArray fullKeyMask) {
        length += newTokens;
        if (fullKeyMask != null) {
            NDArray kept = fullKeyMask.duplicate();
            kept.attach(manager);
            if (keyMask != null) {
                keyMask.close();
            }
            keyMask = kept;
        }
    }

    private NDArray extend(NDArray cached, NDArray fresh) {
        NDArray merged;
        if (cached == null) {
            // Detach from the step's manager: the step will close, the cache must not.
            merged = fresh.duplicate();
        } else {
            merged = cached.concat(fresh, 2);
            cached.close();
        }
        merged.attach(manager);
        return merged;
    }

    @Override
    public void close() {
        manager.close();
    }
}
