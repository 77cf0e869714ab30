package dev.elmstudio.engine.tokenizer;

import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits text into the pieces BPE merges may not cross, with GPT-2's regular expression: English
 * contractions, letters with an optional leading space, digits likewise, other symbols likewise,
 * and runs of whitespace (a run before a word leaves its last space to that word).
 *
 * <p>This mirrors the Hugging Face {@code ByteLevel} pre-tokenizer with {@code use_regex: true}.
 * Unicode character classes are on so that {@code \s} means Unicode whitespace as in the Rust
 * library; a rare disagreement would only cost compression, never correctness, because merges
 * apply inside whatever pieces the encoder makes.
 */
final class Gpt2PreTokenizer {

    static final Pattern GPT2_PATTERN = Pattern.compile(
            "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+",
            Pattern.UNICODE_CHARACTER_CLASS);

    private Gpt2PreTokenizer() {}

    /** Passes each piece of {@code text} to {@code sink}, in order; together they spell the text. */
    static void split(CharSequence text, Consumer<String> sink) {
        Matcher matcher = GPT2_PATTERN.matcher(text);
        while (matcher.find()) {
            sink.accept(matcher.group());
        }
    }
}
