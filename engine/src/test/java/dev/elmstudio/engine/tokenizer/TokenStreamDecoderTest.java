package dev.elmstudio.engine.tokenizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenStreamDecoderTest {

    @TempDir
    static Path folder;

    private static Tokenizer tokenizer;

    @BeforeAll
    static void loadTrainedTokenizer() throws IOException {
        tokenizer = Tokenizer.load(SmallTokenizer.writeTo(folder));
    }

    @AfterAll
    static void closeTokenizer() {
        tokenizer.close();
    }

    /** Streams {@code ids}, checking each piece is whole text: no half surrogate pair, no stray U+FFFD. */
    private static String streamed(long[] ids, boolean skipSpecialTokens) {
        boolean textHasReplacementMarks = tokenizer.decode(ids).contains("\uFFFD");
        TokenStreamDecoder decoder = tokenizer.streamDecoder(skipSpecialTokens);
        StringBuilder text = new StringBuilder();
        for (long id : ids) {
            String piece = decoder.next(id);
            assertFalse(piece.contains("\uFFFD") && !textHasReplacementMarks, "emitted U+FFFD for id " + id);
            assertFalse(!piece.isEmpty() && Character.isHighSurrogate(piece.charAt(piece.length() - 1)),
                    "emitted half a surrogate pair");
            text.append(piece);
        }
        return text.append(decoder.finish()).toString();
    }

    @Test
    void reproducesDecodeWhenFedOneIdAtATime() {
        String[] texts = {
            "A quiet film 🎬🍿 with a twist 👍🏽!",
            "👨‍👩‍👧‍👦 family night, 🇯🇵 and 🏳️‍🌈 flags, 中文字符 and e\u0301",
            "<|bos|>emoji 😀 between specials<|slot_2|>😀<|eos|>"
        };
        for (String text : texts) {
            long[] ids = tokenizer.encode(text);
            assertEquals(tokenizer.decode(ids), streamed(ids, false));
            assertEquals(tokenizer.decode(ids, true), streamed(ids, true));
        }
    }

    @Test
    void reproducesDecodeForRandomUnicode() {
        Random random = new Random(11);
        for (int i = 0; i < 200; i++) {
            String text = RandomText.next(random);
            long[] ids = tokenizer.encode(text);
            assertEquals(text, streamed(ids, false));
        }
    }

    @Test
    void holdsBackACharacterSplitAcrossByteTokensUntilItIsComplete() {
        byte[] emoji = "😀".getBytes(StandardCharsets.UTF_8);
        TokenStreamDecoder decoder = tokenizer.streamDecoder(false);
        for (int i = 0; i < 3; i++) {
            assertEquals("", decoder.next(byteTokenId(emoji[i])));
        }
        assertEquals("😀", decoder.next(byteTokenId(emoji[3])));
        assertEquals("", decoder.finish());
    }

    @Test
    void finishTurnsAnUnfinishedCharacterIntoAReplacementMarkAndStartsOver() {
        byte[] emoji = "😀".getBytes(StandardCharsets.UTF_8);
        TokenStreamDecoder decoder = tokenizer.streamDecoder(false);
        decoder.next(byteTokenId(emoji[0]));
        decoder.next(byteTokenId(emoji[1]));
        assertEquals("\uFFFD", decoder.finish());
        assertEquals("o", decoder.next(byteTokenId((byte) 'o')));
    }

    @Test
    void matchesDecodeOnArbitraryIdSequencesWithBrokenUtf8() {
        // Random ids make invalid UTF-8; both sides must replace the same bytes with U+FFFD.
        Random random = new Random(5);
        for (int i = 0; i < 300; i++) {
            long[] ids = new long[1 + random.nextInt(20)];
            for (int k = 0; k < ids.length; k++) {
                ids[k] = random.nextInt(tokenizer.vocabSize());
            }
            TokenStreamDecoder decoder = tokenizer.streamDecoder(true);
            StringBuilder text = new StringBuilder();
            for (long id : ids) {
                text.append(decoder.next(id));
            }
            text.append(decoder.finish());
            assertEquals(tokenizer.decode(ids, true), text.toString());
        }
    }

    @Test
    void refusesTokenizersWithoutAByteLevelDecoder(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("tokenizer.json");
        String noDecoder = Files.readString(folder.resolve("tokenizer.json"))
                .replaceFirst("\"decoder\": \\{[^}]*}", "\"decoder\": null");
        Files.writeString(json, noDecoder);
        try (Tokenizer plain = Tokenizer.load(json)) {
            assertThrows(UnsupportedOperationException.class, () -> plain.streamDecoder(false));
        }
    }

    private static long byteTokenId(byte b) {
        return tokenizer.idOf(String.valueOf(ByteAlphabet.charOf(b)));
    }
}
