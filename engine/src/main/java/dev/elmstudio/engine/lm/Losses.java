package dev.elmstudio.engine.lm;

import ai.djl.ndarray.NDArray;

/** Training losses over language-model logits. */
public final class Losses {
    private Losses() {}

    /**
     * Mean next-token cross-entropy over the positions the mask keeps.
     *
     * @param logits [B, T, V]
     * @param targets [B, T] int64: the token each position should predict
     * @param lossMask [B, T] float 1/0 (ELM counts target tokens only), or null for every position
     * @return scalar loss
     */
    public static NDArray crossEntropy(NDArray logits, NDArray targets, NDArray lossMask) {
        NDArray logProbabilities = logits.logSoftmax(2);
        NDArray picked = logProbabilities.gather(targets.expandDims(2), 2).squeeze(2); // [B, T]
        if (lossMask == null) {
            return picked.mean().neg();
        }
        return picked.mul(lossMask).sum().div(lossMask.sum()).neg();
    }
}
