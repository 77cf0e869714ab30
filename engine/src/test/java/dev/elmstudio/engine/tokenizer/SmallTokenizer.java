package dev.elmstudio.engine.tokenizer;

import java.io.IOException;
import java.nio.file.Path;

/** A tokenizer trained on a small generated corpus, for tests that need a real one quickly. */
final class SmallTokenizer {

    static final int VOCAB_SIZE = 1500;
    static final long TRAINING_SEED = 1;

    private SmallTokenizer() {}

    static BpeModel train() {
        return BpeTrainer.builder()
                .setVocabSize(VOCAB_SIZE)
                .build()
                .train(GeneratedCorpus.paragraphs(TRAINING_SEED, 300_000));
    }

    /** Trains the small tokenizer and writes its {@code tokenizer.json} into {@code folder}. */
    static Path writeTo(Path folder) throws IOException {
        Path file = folder.resolve("tokenizer.json");
        train().writeTokenizerJson(file);
        return file;
    }
}
