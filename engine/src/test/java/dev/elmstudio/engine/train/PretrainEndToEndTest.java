package dev.elmstudio.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import dev.elmstudio.engine.lm.CausalLm;
import dev.elmstudio.engine.lm.GenerationConfig;
import dev.elmstudio.engine.lm.Generator;
import dev.elmstudio.engine.lm.LmConfig;
import dev.elmstudio.engine.tokenizer.BpeTrainer;
import dev.elmstudio.engine.tokenizer.TextCorpus;
import dev.elmstudio.engine.tokenizer.Tokenizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pretraining path on a real tokenizer and a tiny model: text → BPE → token stream → Pretrainer →
 * greedy generation. Facts of the form "NAME likes COLOUR THINGs." are the corpus, shuffled, so the model can only
 * do well by learning each name's continuation.
 */
class PretrainEndToEndTest {
    private static final String[] NAMES = {"alice", "bruno", "chloe", "dmitri", "esme", "farid", "greta", "hiro"};
    private static final String[] COLOURS = {"green", "purple", "amber", "silver", "crimson", "teal", "ivory", "navy"};
    private static final String[] THINGS = {"apples", "kites", "boats", "lamps", "shoes", "clocks", "maps", "bells"};

    @TempDir
    Path folder;

    @Test
    void tinyModelBeatsUnigramEntropyAndRecitesWhatItLearned() throws Exception {
        List<String> documents = new ArrayList<>();
        Random random = new Random(1);
        for (int i = 0; i < 600; i++) {
            int who = random.nextInt(NAMES.length);
            documents.add(fact(who));
        }
        TextCorpus corpus = TextCorpus.of(documents);
        Path tokenizerFile = folder.resolve("tokenizer.json");
        BpeTrainer.builder().setVocabSize(320).build().train(documents).writeTokenizerJson(tokenizerFile);
        try (Tokenizer tokenizer = Tokenizer.load(tokenizerFile)) {
            long[] tokens = corpus.encode(tokenizer);
            double unigramEntropy = unigramEntropyNats(tokens, tokenizer.vocabSize());
            TokenBlockDataset data = new TokenBlockDataset(tokens, 32, 0.1, 3);
            PretrainConfig config = PretrainConfig.builder().setSteps(250).setBatchSize(16).setContextLength(32)
                    .setLearningRate(3e-3).optWarmupSteps(20).optEvalInterval(250).optEvalBatches(2).optSeed(5).build();
            LmConfig lm = LmConfig.gpt2(tokenizer.vocabSize(), 64, 2, 4, 64);
            try (CausalLm model = new CausalLm(lm, Device.cpu(), 9);
                    Pretrainer trainer = new Pretrainer(model, data, config)) {
                TrainingResult result = trainer.run(TrainingListener.NONE, new TrainingControl());
                assertTrue(result.validationLoss() < unigramEntropy - 1.0, "validation loss " + result.validationLoss()
                        + " is not clearly below the unigram entropy " + unigramEntropy);

                model.setTrainable(name -> false);
                Generator generator = new Generator(model, tokenizer::decode);
                int recited = 0;
                for (int who = 0; who < NAMES.length; who++) {
                    String prompt = NAMES[who] + " likes";
                    String expected = fact(who).substring(prompt.length());
                    String text = generator.generate(tokenizer.encode(prompt),
                            GenerationConfig.greedy(12).withStopTokenIds(List.of(tokenizer.eosId())), null).text();
                    if (text.equals(expected)) {
                        recited++;
                    }
                }
                assertEquals(NAMES.length, recited, "greedy continuations reproduced " + recited + " of "
                        + NAMES.length + " trained facts");
            }
        }
    }

    private static String fact(int who) {
        return NAMES[who] + " likes " + COLOURS[(who * 3) % COLOURS.length] + " " + THINGS[(who * 5) % THINGS.length] + ".";
    }

    private static double unigramEntropyNats(long[] tokens, int vocab) {
        long[] counts = new long[vocab];
        for (long t : tokens) {
            counts[(int) t]++;
        }
        double entropy = 0;
        for (long c : counts) {
            if (c > 0) {
                double p = c / (double) tokens.length;
                entropy -= p * Math.log(p);
            }
        }
        return entropy;
    }
}
