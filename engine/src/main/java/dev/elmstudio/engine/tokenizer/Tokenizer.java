package dev.elmstudio.engine.tokenizer;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A Hugging Face {@code tokenizer.json} loaded from a local file through DJL's
 * {@link HuggingFaceTokenizer} (the Rust tokenizers library), never from the network.
 *
 * <p>Encoding adds nothing around the text (no BOS/EOS, no truncation, no padding): callers build
 * sequences themselves from {@link #bosId()}, {@link #eosId()} and the slot ids. Text spelling a
 * special token ({@code <|eos|>}) encodes to that token's single id.
 *
 * <p>Thread-safe for encoding and decoding; close it to free the native tokenizer.
 */
public final class Tokenizer implements AutoCloseable {

    private final Path file;
    private final HuggingFaceTokenizer tokenizer;
    private final TokenizerVocabulary vocabulary;

    private Tokenizer(Path file, HuggingFaceTokenizer tokenizer, TokenizerVocabulary vocabulary) {
        this.file = file;
        this.tokenizer = tokenizer;
        this.vocabulary = vocabulary;
    }

    /**
     * Loads a {@code tokenizer.json}, or the {@code tokenizer.json} inside a model folder.
     *
     * @throws NoSuchFileException when there is no such file
     * @throws IOException when the file is not a tokenizer the library can read; the message names it
     */
    public static Tokenizer load(Path path) throws IOException {
        if (path == null) {
            throw new IllegalArgumentException("tokenizer path must not be null");
        }
        Path file = Files.isDirectory(path) ? path.resolve("tokenizer.json") : path;
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "tokenizer file not found (expected a Hugging Face tokenizer.json)");
        }
        TokenizerVocabulary vocabulary = TokenizerVocabulary.read(file);
        HuggingFaceTokenizer tokenizer;
        try {
            tokenizer = HuggingFaceTokenizer.builder()
                    .optTokenizerPath(file)
                    .optAddSpecialTokens(false)
                    .optTruncation(false)
                    .optPadding(false)
                    .build();
        } catch (RuntimeException e) { // the native library reports a bad file as an unchecked exception
            throw new IOException(file + ": the Hugging Face tokenizers library cannot read it (" + e.getMessage() + ")", e);
        }
        return new Tokenizer(file, tokenizer, vocabulary);
    }

    /** The {@code tokenizer.json} this was loaded from. */
    public Path file() {
        return file;
    }

    /**
     * Token ids of {@code text}, with nothing added around it.
     *
     * @throws IllegalArgumentException when the text holds an unpaired surrogate: it has no UTF-8
     *     form, and the native library would silently turn it into three U+FFFD marks
     */
    public long[] encode(String text) {
        if (text == null) {
            throw new IllegalArgumentException("text to encode must not be null");
        }
        int broken = indexOfUnpairedSurrogate(text);
        if (broken >= 0) {
            throw new IllegalArgumentException(String.format(
                    "text to encode has an unpaired surrogate U+%04X at index %d; it is not valid Unicode",
                    (int) text.charAt(broken), broken));
        }
        return tokenizer.encode(text, false, false).getIds();
    }

    /** The text of {@code ids}, special tokens included: the exact inverse of {@link #encode}. */
    public String decode(long[] ids) {
        return decode(ids, false);
    }

    /** The text of {@code ids}; with {@code skipSpecialTokens}, special tokens are left out. */
    public String decode(long[] ids, boolean skipSpecialTokens) {
        if (ids == null) {
            throw new IllegalArgumentException("ids to decode must not be null");
        }
        for (long id : ids) {
            requireKnown(id);
        }
        return tokenizer.decode(ids, skipSpecialTokens);
    }

    /** Number of token ids (highest id + 1): the rows of an embedding table for this tokenizer. */
    public int vocabSize() {
        return vocabulary.size();
    }

    public long padId() {
        return requiredId(SpecialTokens.PAD);
    }

    public long bosId() {
        return requiredId(SpecialTokens.BOS);
    }

    public long eosId() {
        return requiredId(SpecialTokens.EOS);
    }

    /** Id of the reserved embedding slot token {@code <|slot_k|>}. */
    public long slotId(int k) {
        return requiredId(SpecialTokens.slot(k));
    }

    /** Id of the token whose text is exactly {@code tokenText}, or -1 when there is none. */
    public long idOf(String tokenText) {
        if (tokenText == null) {
            throw new IllegalArgumentException("token text must not be null");
        }
        return vocabulary.idOf(tokenText);
    }

    /**
     * The token's text as stored in the vocabulary, as Hugging Face's {@code id_to_token} gives it:
     * byte-level spelling for ordinary tokens ({@code Ġthe} for " the"), the literal text for
     * special tokens. Use {@link #decode} for readable text.
     */
    public String tokenText(long id) {
        return requireKnown(id);
    }

    public boolean isSpecial(long id) {
        requireKnown(id);
        return vocabulary.isSpecial(id);
    }

    /**
     * A decoder for ids arriving one at a time, as in generation.
     *
     * @throws UnsupportedOperationException when the tokenizer's decoder is not ByteLevel
     */
    public TokenStreamDecoder streamDecoder(boolean skipSpecialTokens) {
        if (!"ByteLevel".equals(vocabulary.decoderType())) {
            throw new UnsupportedOperationException(file + ": streaming decode supports ByteLevel decoders only, this"
                    + " tokenizer's decoder is " + vocabulary.decoderType());
        }
        return new TokenStreamDecoder(this::bytesOf, skipSpecialTokens ? vocabulary::isSpecial : id -> false);
    }

    /** The bytes a token stands for, as the ByteLevel decoder reads it. */
    private byte[] bytesOf(long id) {
        return ByteAlphabet.toBytes(requireKnown(id));
    }

    private static int indexOfUnpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++; // a valid pair
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    private String requireKnown(long id) {
        String text = vocabulary.textOf(id);
        if (text == null) {
            throw new IllegalArgumentException("token id " + id + " is not in the vocabulary of " + file
                    + " (ids 0 to " + (vocabulary.size() - 1) + ")");
        }
        return text;
    }

    private long requiredId(String tokenText) {
        long id = vocabulary.idOf(tokenText);
        if (id < 0) {
            throw new IllegalStateException(file + " has no " + tokenText
                    + " token; ELM Studio tokenizers reserve it (see SpecialTokens)");
        }
        return id;
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
