package dev.elmstudio.engine.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BpeTrainerTest {

    @TempDir
    static Path folder;

    private static BpeModel model;
    private static Path tokenizerJson;

    @BeforeAll
    static void trainSmallTokenizer() throws IOException {
        model = SmallTokenizer.train();
        tokenizerJson = folder.resolve("tokenizer.json");
        model.writeTokenizerJson(tokenizerJson);
    }

    @Test
    void specialTokensTakeTheLowestIdsInDocumentedOrder() throws IOException {
        assertEquals(SpecialTokens.ELM, model.vocabulary().subList(0, SpecialTokens.ELM.size()));
        try (Tokenizer tokenizer = Tokenizer.load(tokenizerJson)) {
            assertEquals(0, tokenizer.padId());
            assertEquals(1, tokenizer.bosId());
            assertEquals(2, tokenizer.eosId());
            for (int k = 0; k < SpecialTokens.SLOT_COUNT; k++) {
                assertEquals(3 + k, tokenizer.slotId(k));
                assertTrue(tokenizer.isSpecial(3 + k));
            }
            assertEquals(19, SpecialTokens.ELM.size());
        }
    }

    @Test
    void fillsTheRequestedVocabularyWithAllBytesAfterTheSpecials() {
        assertEquals(SmallTokenizer.VOCAB_SIZE, model.size());
        int first = SpecialTokens.ELM.size();
        for (int b = 0; b < 256; b++) {
            assertEquals(String.valueOf(ByteAlphabet.charOf(b)), model.vocabulary().get(first + b));
        }
        assertEquals(SmallTokenizer.VOCAB_SIZE - first - 256, model.merges().size());
    }

    @Test
    void writesGpt2StyleTokenizerJson() throws IOException {
        JsonObject json = JsonParser.parseString(Files.readString(tokenizerJson)).getAsJsonObject();
        assertEquals("1.0", json.get("version").getAsString());
        assertTrue(json.get("normalizer").isJsonNull());
        assertTrue(json.get("post_processor").isJsonNull());
        JsonObject preTokenizer = json.getAsJsonObject("pre_tokenizer");
        assertEquals("ByteLevel", preTokenizer.get("type").getAsString());
        assertEquals(false, preTokenizer.get("add_prefix_space").getAsBoolean());
        assertEquals(true, preTokenizer.get("use_regex").getAsBoolean());
        assertEquals("ByteLevel", json.getAsJsonObject("decoder").get("type").getAsString());
        JsonObject bpe = json.getAsJsonObject("model");
        assertEquals("BPE", bpe.get("type").getAsString());
        assertEquals(SmallTokenizer.VOCAB_SIZE, bpe.getAsJsonObject("vocab").size());
        JsonObject vocab = bpe.getAsJsonObject("vocab");
        for (var merge : bpe.getAsJsonArray("merges")) {
            String[] pair = merge.getAsString().split(" ");
            assertEquals(2, pair.length, merge.toString());
            assertTrue(vocab.has(pair[0]) && vocab.has(pair[1]) && vocab.has(pair[0] + pair[1]), merge.toString());
        }
        JsonObject eos = json.getAsJsonArray("added_tokens").get(2).getAsJsonObject();
        assertEquals("<|eos|>", eos.get("content").getAsString());
        assertEquals(2, eos.get("id").getAsInt());
        assertTrue(eos.get("special").getAsBoolean());
    }

    @Test
    void mergesCompressTextFromTheTrainingDistribution() throws IOException {
        String heldOut = GeneratedCorpus.text(99, 50_000); // same generator, unseen seed
        try (Tokenizer tokenizer = Tokenizer.load(tokenizerJson)) {
            int tokens = tokenizer.encode(heldOut).length;
            int bytes = heldOut.getBytes(StandardCharsets.UTF_8).length;
            double tokensPerByte = (double) tokens / bytes;
            System.out.printf("BPE %d tokens: %.3f tokens per byte on held-out English-like text%n",
                    SmallTokenizer.VOCAB_SIZE, tokensPerByte);
            assertTrue(tokensPerByte < 0.5, "tokens per byte " + tokensPerByte);
        }
    }

    @Test
    void sameInputGivesByteIdenticalTokenizerJsonWhateverTheTextOrder() throws IOException {
        List<String> reversed = new ArrayList<>(GeneratedCorpus.paragraphs(SmallTokenizer.TRAINING_SEED, 300_000));
        Collections.reverse(reversed);
        Path again = folder.resolve("again.json");
        BpeTrainer.builder().setVocabSize(SmallTokenizer.VOCAB_SIZE).build().train(reversed).writeTokenizerJson(again);
        Path third = folder.resolve("third.json");
        SmallTokenizer.train().writeTokenizerJson(third);

        byte[] expected = Files.readAllBytes(tokenizerJson);
        assertArrayEquals(expected, Files.readAllBytes(again));
        assertArrayEquals(expected, Files.readAllBytes(third));
    }

    @Test
    void stopsEarlyWhenTheCorpusRunsOutOfRepeatedPairs() {
        BpeModel tiny = BpeTrainer.builder().setVocabSize(5000).build().train(List.of("abc abc abd"));
        assertTrue(tiny.size() < 5000);
        assertTrue(tiny.vocabulary().contains("Ġab"));
    }

    @Test
    void specialTokenTextInTrainingDataDoesNotShapeMerges() {
        List<String> texts = Collections.nCopies(50, "<|eos|><|eos|><|eos|> ok");
        BpeModel trained = BpeTrainer.builder().setVocabSize(400).build().train(texts);
        assertEquals(List.of(new BpeModel.Merge("Ġ", "o"), new BpeModel.Merge("Ġo", "k")), trained.merges());
    }

    @Test
    void acceptsCustomSpecialTokens() {
        BpeModel trained = BpeTrainer.builder()
                .setVocabSize(300)
                .optSpecialTokens(List.of("<s>", "</s>"))
                .build()
                .train(List.of("hello hello"));
        assertEquals(List.of("<s>", "</s>"), trained.vocabulary().subList(0, 2));
        assertEquals(String.valueOf(ByteAlphabet.charOf(0)), trained.vocabulary().get(2));
    }

    @Test
    void rejectsBadSettingsWithClearMessages() {
        IllegalArgumentException tooSmall = assertThrows(IllegalArgumentException.class,
                () -> BpeTrainer.builder().setVocabSize(200).build());
        assertTrue(tooSmall.getMessage().contains("at least 275"), tooSmall.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> BpeTrainer.builder().setVocabSize(1000).optSpecialTokens(List.of("<a>", "<a>")).build());
        assertThrows(IllegalArgumentException.class,
                () -> BpeTrainer.builder().setVocabSize(1000).optSpecialTokens(List.of("")).build());
        assertThrows(IllegalArgumentException.class,
                () -> BpeTrainer.builder().setVocabSize(1000).optSpecialTokens(List.of("x")).build());
        assertThrows(IllegalArgumentException.class,
                () -> BpeTrainer.builder().setVocabSize(1000).optSpecialTokens(Arrays.asList("<a>", null)));
        BpeTrainer trainer = BpeTrainer.builder().setVocabSize(1000).build();
        assertThrows(IllegalArgumentException.class, () -> trainer.train(null));
        assertThrows(IllegalArgumentException.class, () -> trainer.train(Arrays.asList("a", null)));
    }
}
