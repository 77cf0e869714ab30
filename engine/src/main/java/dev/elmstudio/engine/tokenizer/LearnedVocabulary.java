package dev.elmstudio.engine.tokenizer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The vocabulary a BPE training run grows: the 256 single-byte tokens (ids 0 to 255, in byte order)
 * followed by merged tokens in the order they were learned. Ids here leave out the special tokens;
 * the trainer shifts them when it places the specials first.
 */
final class LearnedVocabulary {

    /** Returned by {@link #idOfMerge} when the merged text is taken by a special token. */
    static final int RESERVED = -1;

    private final List<String> texts = new ArrayList<>();
    private final Map<String, Integer> idOfText = new HashMap<>();
    private final Set<String> reservedTexts;

    LearnedVocabulary(Collection<String> reservedTexts) {
        this.reservedTexts = Set.copyOf(reservedTexts);
        for (int b = 0; b < 256; b++) {
            add(String.valueOf(ByteAlphabet.charOf(b)));
        }
    }

    int size() {
        return texts.size();
    }

    /** Token texts in id order. */
    List<String> texts() {
        return List.copyOf(texts);
    }

    /**
     * The id of the token spelling {@code left} then {@code right}, added if new. Two different
     * merges can spell the same text (ab+c and a+bc); they share one id, as in Hugging Face's
     * trainer. {@link #RESERVED} when a special token has that text, since one text cannot have two
     * ids in {@code tokenizer.json}.
     */
    int idOfMerge(int left, int right) {
        String text = texts.get(left) + texts.get(right);
        if (reservedTexts.contains(text)) {
            return RESERVED;
        }
        Integer existing = idOfText.get(text);
        return existing != null ? existing : add(text);
    }

    private int add(String text) {
        int id = texts.size();
        texts.add(text);
        idOfText.put(text, id);
        return id;
    }
}
