package dev.elmstudio.engine.tokenizer;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Counts the pre-tokenised words of a training corpus. BPE only ever merges inside a word, so the
 * trainer works on distinct words and their counts rather than on the text itself.
 *
 * <p>Special tokens are cut out of the text first: the encoder matches them before pre-tokenising,
 * so their characters never reach the BPE model and must not shape its merges.
 */
final class WordCounter {

    private final Pattern specialTokens;
    private final Map<String, long[]> counts = new HashMap<>();

    WordCounter(List<String> specialTokens) {
        this.specialTokens = specialTokens.isEmpty()
                ? null
                : Pattern.compile(specialTokens.stream().map(Pattern::quote).collect(Collectors.joining("|")));
    }

    void add(String text) {
        if (specialTokens == null) {
            countWords(text);
            return;
        }
        for (String piece : specialTokens.split(text)) {
            countWords(piece);
        }
    }

    int distinctWords() {
        return counts.size();
    }

    /** Writes each distinct word's UTF-8 bytes (as byte ids 0 to 255) and count into the arrays. */
    void export(int[][] words, long[] wordCounts) {
        int w = 0;
        for (Map.Entry<String, long[]> entry : counts.entrySet()) {
            byte[] bytes = entry.getKey().getBytes(StandardCharsets.UTF_8);
            int[] symbols = new int[bytes.length];
            for (int i = 0; i < bytes.length; i++) {
                symbols[i] = bytes[i] & 0xFF;
            }
            words[w] = symbols;
            wordCounts[w] = entry.getValue()[0];
            w++;
        }
    }

    private void countWords(String text) {
        Gpt2PreTokenizer.split(text, word -> counts.computeIfAbsent(word, k -> new long[1])[0]++);
    }
}
