package dev.elmstudio.engine.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenizerTest {

    @TempDir
    static Path folder;

    private static Path tokenizerJson;
    private static Tokenizer tokenizer;

    @BeforeAll
    static void loadTrainedTokenizer() throws IOException {
        tokenizerJson = SmallTokenizer.writeTo(folder);
        tokenizer = Tokenizer.load(tokenizerJson);
    }

    @AfterAll
    static void closeTokenizer() {
        tokenizer.close();
    }

    @Test
    void roundTripsRandomUnicodeExactly() {
        Random random = new Random(2024);
        for (int i = 0; i < 400; i++) {
            String text = RandomText.next(random);
            long[] ids = tokenizer.encode(text);
            assertEquals(text, tokenizer.decode(ids), () -> "round trip of " + escape(text));
        }
    }

    @Test
    void roundTripsWhitespaceControlsAndEmoji() {
        String[] texts = {
            "", " ", "   ", "  leading and trailing  ", "a  b   c", "\t\ttabs\t", "line\r\nline\r\n", "\n\n\n",
            "\u0000\u0001\u0002\u001f", "👨‍👩‍👧‍👦 family", "e\u0301\u0327", "中文字符", "🇯🇵🇫🇷", "it's they'll I'd"
        };
        for (String text : texts) {
            assertEquals(text, tokenizer.decode(tokenizer.encode(text)), () -> "round trip of " + escape(text));
        }
    }

    @Test
    void specialTokenTextEncodesToItsSingleId() {
        long[] ids = tokenizer.encode("Hello<|eos|> <|slot_3|><|slot_15|>end<|pad|>");
        long[] specials = {tokenizer.eosId(), tokenizer.slotId(3), tokenizer.slotId(15), tokenizer.padId()};
        int found = 0;
        for (long id : ids) {
            if (tokenizer.isSpecial(id)) {
                assertEquals(specials[found++], id);
            }
        }
        assertEquals(specials.length, found);
        assertArrayEquals(new long[] {tokenizer.bosId()}, tokenizer.encode("<|bos|>"));
    }

    @Test
    void decodeKeepsOrSkipsSpecialTokens() {
        long[] ids = tokenizer.encode("<|bos|>A quiet film.<|eos|>");
        assertEquals("<|bos|>A quiet film.<|eos|>", tokenizer.decode(ids));
        assertEquals("A quiet film.", tokenizer.decode(ids, true));
    }

    @Test
    void addsNothingAroundTheText() {
        for (long id : tokenizer.encode("A film.")) {
            assertFalse(tokenizer.isSpecial(id), "special token " + tokenizer.tokenText(id) + " added");
        }
    }

    @Test
    void encodesLongTextWithoutTruncation() {
        String text = GeneratedCorpus.text(3, 20_000);
        long[] ids = tokenizer.encode(text);
        assertTrue(ids.length > 2000, "only " + ids.length + " tokens");
        assertEquals(text, tokenizer.decode(ids));
    }

    @Test
    void tokenTextUsesByteLevelSpelling() {
        long id = tokenizer.idOf("Ġthe");
        assertTrue(id >= 0);
        assertArrayEquals(new long[] {id}, tokenizer.encode(" the"));
        assertEquals("Ġthe", tokenizer.tokenText(id));
        assertEquals("<|slot_0|>", tokenizer.tokenText(tokenizer.slotId(0)));
        assertEquals(-1, tokenizer.idOf("no such token"));
    }

    @Test
    void rejectsTextWithUnpairedSurrogates() {
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> tokenizer.encode("ok \uD83D here"));
        assertTrue(error.getMessage().contains("U+D83D at index 3"), error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> tokenizer.encode("\uDE00"));
        assertEquals("😀", tokenizer.decode(tokenizer.encode("\uD83D\uDE00")));
    }

    @Test
    void reportsTheFullVocabularySize() {
        assertEquals(SmallTokenizer.VOCAB_SIZE, tokenizer.vocabSize());
    }

    @Test
    void rejectsIdsOutsideTheVocabulary() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> tokenizer.decode(new long[] {5, SmallTokenizer.VOCAB_SIZE}));
        assertTrue(error.getMessage().contains("token id " + SmallTokenizer.VOCAB_SIZE), error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> tokenizer.tokenText(-1));
        assertThrows(IllegalArgumentException.class, () -> tokenizer.slotId(SpecialTokens.SLOT_COUNT));
        assertThrows(IllegalArgumentException.class, () -> tokenizer.encode(null));
    }

    @Test
    void loadsTheTokenizerJsonInsideAModelFolder() throws IOException {
        try (Tokenizer fromFolder = Tokenizer.load(folder)) {
            assertArrayEquals(tokenizer.encode("same ids"), fromFolder.encode("same ids"));
        }
    }

    @Test
    void missingFileErrorNamesTheFile(@TempDir Path empty) {
        Path missing = empty.resolve("nowhere/tokenizer.json");
        NoSuchFileException error = assertThrows(NoSuchFileException.class, () -> Tokenizer.load(missing));
        assertTrue(error.getMessage().contains(missing.toString()), error.getMessage());
    }

    @Test
    void malformedFileErrorNamesTheFile(@TempDir Path dir) throws IOException {
        assertLoadFailsNamingFile(dir.resolve("truncated.json"), Files.readString(tokenizerJson).substring(0, 500));
        assertLoadFailsNamingFile(dir.resolve("empty-object.json"), "{}");
        assertLoadFailsNamingFile(dir.resolve("array.json"), "[1, 2]");
        // Valid JSON with a vocabulary, but a merge names a token the vocabulary lacks: only the
        // Rust library notices.
        String badMerge = Files.readString(tokenizerJson).replaceFirst("\"Ġ t\"", "\"Ġ nonexistent\"");
        assertLoadFailsNamingFile(dir.resolve("bad-merge.json"), badMerge);
    }

    private static void assertLoadFailsNamingFile(Path file, String content) throws IOException {
        Files.writeString(file, content);
        IOException error = assertThrows(IOException.class, () -> Tokenizer.load(file).close());
        assertTrue(error.getMessage().contains(file.toString()), error.getMessage());
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder();
        text.codePoints().forEach(c -> escaped.append(c < 0x20 || c > 0x7E ? String.format("\\u{%X}", c) : (char) c));
        return escaped.toString();
    }
}
