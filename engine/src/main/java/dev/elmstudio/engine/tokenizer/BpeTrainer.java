package dev.elmstudio.engine.tokenizer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Trains a GPT-2 style byte-level BPE tokenizer.
 *
 * <p>Text is split with GPT-2's regex ({@link Gpt2PreTokenizer}), each piece becomes its UTF-8
 * bytes, and the most frequent adjacent pair is merged into a new token until the vocabulary is
 * full or no pair occurs twice. All 256 bytes are always in the vocabulary, so any text encodes.
 *
 * <p>Ids: the special tokens first (0 to n − 1, in the order given), then the 256 bytes in byte
 * order, then merged tokens in the order they were learned. Training is deterministic: the same
 * texts give the same model, whatever their order.
 *
 * <pre>{@code
 * BpeModel model = BpeTrainer.builder().setVocabSize(8192).build().train(texts);
 * model.writeTokenizerJson(folder.resolve("tokenizer.json"));
 * }</pre>
 */
public final class BpeTrainer {

    private static final int BYTE_TOKENS = 256;

    private final int vocabSize;
    private final List<String> specialTokens;

    private BpeTrainer(Builder builder) {
        this.vocabSize = builder.vocabSize;
        this.specialTokens = builder.specialTokens;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Learns a vocabulary from {@code texts} (a {@code Stream} can be passed as
     * {@code stream::iterator}). The result has at most the configured vocabulary size; fewer tokens
     * when the corpus runs out of pairs that occur at least twice.
     */
    public BpeModel train(Iterable<String> texts) {
        if (texts == null) {
            throw new IllegalArgumentException("texts must not be null");
        }
        WordCounter counter = new WordCounter(specialTokens);
        for (String text : texts) {
            if (text == null) {
                throw new IllegalArgumentException("texts must not contain null");
            }
            counter.add(text);
        }
        int[][] words = new int[counter.distinctWords()][];
        long[] wordCounts = new long[words.length];
        counter.export(words, wordCounts);

        LearnedVocabulary learned = new LearnedVocabulary(specialTokens);
        List<MergeLearner.Merge> merges =
                new MergeLearner(words, wordCounts, learned).learn(vocabSize - specialTokens.size());
        return toModel(learned.texts(), merges);
    }

    private BpeModel toModel(List<String> learnedTexts, List<MergeLearner.Merge> merges) {
        List<String> vocabulary = new ArrayList<>(specialTokens);
        vocabulary.addAll(learnedTexts);
        List<BpeModel.Merge> mergeRules = new ArrayList<>(merges.size());
        for (MergeLearner.Merge merge : merges) {
            mergeRules.add(new BpeModel.Merge(learnedTexts.get(merge.left()), learnedTexts.get(merge.right())));
        }
        return new BpeModel(specialTokens, vocabulary, mergeRules);
    }

    /** Builder: {@code setVocabSize} is required; special tokens default to {@link SpecialTokens#ELM}. */
    public static final class Builder {
        private int vocabSize;
        private List<String> specialTokens = SpecialTokens.ELM;

        private Builder() {}

        /** Total number of tokens wanted, special and byte tokens included. */
        public Builder setVocabSize(int vocabSize) {
            this.vocabSize = vocabSize;
            return this;
        }

        /** Special tokens, in id order; they take ids 0 to n − 1. */
        public Builder optSpecialTokens(List<String> specialTokens) {
            if (specialTokens == null) {
                throw new IllegalArgumentException("specialTokens must not be null (pass an empty list for none)");
            }
            if (specialTokens.stream().anyMatch(Objects::isNull)) {
                throw new IllegalArgumentException("specialTokens must not contain null");
            }
            this.specialTokens = List.copyOf(specialTokens);
            return this;
        }

        public BpeTrainer build() {
            Set<String> distinct = new HashSet<>();
            for (String token : specialTokens) {
                if (token.isEmpty()) {
                    throw new IllegalArgumentException("special tokens must not be empty strings");
                }
                if (ByteAlphabet.isSingleByteToken(token)) {
                    throw new IllegalArgumentException("special token '" + token + "' has the text of a byte token");
                }
                if (!distinct.add(token)) {
                    throw new IllegalArgumentException("special token '" + token + "' is listed twice");
                }
            }
            int minimum = specialTokens.size() + BYTE_TOKENS;
            if (vocabSize < minimum) {
                throw new IllegalArgumentException("vocabSize " + vocabSize + " is too small: it must hold the "
                        + specialTokens.size() + " special tokens and the 256 byte tokens (at least " + minimum + ")");
            }
            return new BpeTrainer(this);
        }
    }
}
