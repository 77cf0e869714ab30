package dev.elmstudio.engine.tokenizer;

import java.util.ArrayList;
import java.util.List;

/**
 * The special tokens of ELM Studio tokenizers and their fixed order, which is also their id order:
 *
 * <pre>
 *   0  &lt;|pad|&gt;
 *   1  &lt;|bos|&gt;
 *   2  &lt;|eos|&gt;
 *   3  &lt;|slot_0|&gt;
 *   …
 *  18  &lt;|slot_15|&gt;
 * </pre>
 *
 * The slot tokens are placeholders in prompts: the ELM adapter replaces their embeddings with
 * vectors projected from an embedding space. There is no unknown token, because a byte-level
 * vocabulary can spell any input.
 */
public final class SpecialTokens {

    public static final String PAD = "<|pad|>";
    public static final String BOS = "<|bos|>";
    public static final String EOS = "<|eos|>";
    /** Number of reserved embedding slots; enough for a prompt about several entities with ℓ > 1. */
    public static final int SLOT_COUNT = 16;

    /** All ELM special tokens in id order: pad, bos, eos, then slots 0 to {@link #SLOT_COUNT} − 1. */
    public static final List<String> ELM = elmTokens();

    private SpecialTokens() {}

    /** The text of slot token {@code k}, for example {@code <|slot_3|>}. */
    public static String slot(int k) {
        if (k < 0 || k >= SLOT_COUNT) {
            throw new IllegalArgumentException("slot index " + k + " out of range [0, " + SLOT_COUNT + ")");
        }
        return "<|slot_" + k + "|>";
    }

    private static List<String> elmTokens() {
        List<String> tokens = new ArrayList<>(List.of(PAD, BOS, EOS));
        for (int k = 0; k < SLOT_COUNT; k++) {
            tokens.add(slot(k));
        }
        return List.copyOf(tokens);
    }
}
