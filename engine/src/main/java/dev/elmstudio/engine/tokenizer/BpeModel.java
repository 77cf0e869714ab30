package dev.elmstudio.engine.tokenizer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A trained byte-level BPE vocabulary, ready to be written as a Hugging Face {@code tokenizer.json}.
 *
 * @param specialTokens special tokens; they hold ids 0 to n − 1 in this order
 * @param vocabulary every token's text in id order: the special tokens as written, then the 256
 *     single bytes and the merged tokens in {@link ByteAlphabet} spelling ({@code Ġthe})
 * @param merges merge rules in the order they were learned, which is the order the encoder applies
 *     them
 */
public record BpeModel(List<String> specialTokens, List<String> vocabulary, List<Merge> merges) {

    /** One merge rule: adjacent tokens {@code left} and {@code right} become one token. */
    public record Merge(String left, String right) {}

    public BpeModel {
        specialTokens = List.copyOf(specialTokens);
        vocabulary = List.copyOf(vocabulary);
        merges = List.copyOf(merges);
        if (!vocabulary.subList(0, Math.min(specialTokens.size(), vocabulary.size())).equals(specialTokens)) {
            throw new IllegalArgumentException("vocabulary must start with the special tokens " + specialTokens);
        }
        Set<String> seen = new HashSet<>();
        for (String token : vocabulary) {
            if (!seen.add(token)) {
                throw new IllegalArgumentException("token '" + token + "' appears twice in the vocabulary");
            }
        }
    }

    /** Number of tokens, special tokens included. */
    public int size() {
        return vocabulary.size();
    }

    /** Writes this model as a Hugging Face {@code tokenizer.json}, replacing {@code file} atomically. */
    public void writeTokenizerJson(Path file) throws IOException {
        TokenizerJsonWriter.write(this, file);
    }
}
