package dev.elmstudio.engine.tokenizer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trains a full-size vocabulary; prints the time rather than asserting it, since machines are noisy. */
class BpeTrainerScaleTest {

    @Test
    void trainsEightThousandTokensOnTwoMegabytesOfText(@TempDir Path folder) throws IOException {
        List<String> corpus = GeneratedCorpus.paragraphs(5, 2_000_000);
        long bytes = corpus.stream().mapToLong(text -> text.getBytes(StandardCharsets.UTF_8).length).sum();

        long start = System.nanoTime();
        BpeModel model = BpeTrainer.builder().setVocabSize(8192).build().train(corpus);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("BPE training: %d tokens from %.2f MB in %.2f s%n", model.size(), bytes / 1e6, seconds);

        assertEquals(8192, model.size());
        Path file = folder.resolve("tokenizer.json");
        model.writeTokenizerJson(file);
        try (Tokenizer tokenizer = Tokenizer.load(file)) {
            assertEquals(8192, tokenizer.vocabSize());
            String sample = corpus.get(0);
            assertEquals(sample, tokenizer.decode(tokenizer.encode(sample)));
        }
    }
}
