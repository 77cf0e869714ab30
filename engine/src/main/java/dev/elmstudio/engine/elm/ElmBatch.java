package dev.elmstudio.engine.elm;

import java.util.Map;

/**
 * A collated batch on the host, ready to become arrays in a step's manager. Sequences are right-padded to
 * {@code length} (T); arrays are row-major [B, T].
 *
 * @param batchSize B
 * @param length T
 * @param inputIds [B·T] token ids; slot positions hold {@code <|slot_k|>} ids, whose embeddings get replaced
 * @param targetIds [B·T] the token each position should predict (0 where the loss mask is 0)
 * @param attentionMask [B·T] 1 for real tokens, 0 for padding
 * @param lossMask [B·T] 1 where the next token belongs to the target text (or is its end-of-sequence), else 0
 * @param slots embedding space name → the vectors that go into that space's slots
 * @param tokenCount real (unpadded) tokens in the batch
 */
public record ElmBatch(int batchSize, int length, long[] inputIds, long[] targetIds, float[] attentionMask,
        float[] lossMask, Map<String, SlotInputs> slots, long tokenCount) {

    /**
     * The vectors of one embedding space in a batch and where their adapter outputs go.
     *
     * @param count N vectors
     * @param vectors [N·d] row-major
     * @param positions [N·ℓ] flat positions b·T + t; vector i fills positions[i·ℓ … i·ℓ + ℓ − 1]
     */
    public record SlotInputs(int count, float[] vectors, int[] positions) {}
}
