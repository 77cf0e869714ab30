package dev.elmstudio.engine.eval.experiments;

import ai.djl.Device;
import dev.elmstudio.engine.lm.CausalLm;
import dev.elmstudio.engine.lm.LmConfig;
import dev.elmstudio.engine.tokenizer.BpeTrainer;
import dev.elmstudio.engine.tokenizer.SpecialTokens;
import dev.elmstudio.engine.tokenizer.TextCorpus;
import dev.elmstudio.engine.tokenizer.Tokenizer;
import dev.elmstudio.engine.train.PretrainConfig;
import dev.elmstudio.engine.train.Pretrainer;
import dev.elmstudio.engine.train.TokenBlockDataset;
import dev.elmstudio.engine.train.TrainingControl;
import dev.elmstudio.engine.train.TrainingEvent;
import dev.elmstudio.engine.train.TrainingResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's base LM: our byte-level BPE and a small GPT-2 style model pretrained from scratch on the task texts.
 * It plays the part of the paper's pretrained LLM, so it reads about every film of the subset (held-out ones
 * included, as a real LLM has read about real films); only the task fine-tuning holds films out.
 */
final class BaseLm {
    private BaseLm() {}

    static Tokenizer tokenizer(List<String> texts, int vocab, Path folder) throws IOException {
        Path file = folder.resolve("tokenizer.json");
        BpeTrainer.builder().setVocabSize(vocab).optSpecialTokens(SpecialTokens.ELM).build().train(texts)
                .writeTokenizerJson(file);
        return Tokenizer.load(file);
    }

    static LmConfig config(Tokenizer tokenizer, DemoSettings s) {
        return LmConfig.gpt2(tokenizer.vocabSize(), s.width(), s.layers(), s.headCount(), DemoSettings.CONTEXT);
    }

    /** Pretrains on {@code documents} (one token stream, end-of-sequence after each) and returns a weight copy. */
    static Map<String, float[]> pretrain(Tokenizer tokenizer, List<String> documents, DemoSettings s) throws IOException {
        long[] tokens = TextCorpus.of(documents).encode(tokenizer);
        TokenBlockDataset data = new TokenBlockDataset(tokens, DemoSettings.CONTEXT, 0.02, s.seed());
        PretrainConfig config = PretrainConfig.builder().setSteps(s.pretrainSteps()).setBatchSize(s.batch())
                .setContextLength(DemoSettings.CONTEXT).setLearningRate(3e-3).optMinLearningRate(3e-4)
                .optWarmupSteps(Math.min(50, s.pretrainSteps())).optSeed(s.seed()).build();
        try (CausalLm lm = new CausalLm(config(tokenizer, s), Device.cpu(), s.seed());
                Pretrainer trainer = new Pretrainer(lm, data, config)) {
            int every = Math.max(1, s.pretrainSteps() / 5);
            TrainingResult result = trainer.run(event -> {
                if (event instanceof TrainingEvent.StepEvent step && step.step() % every == 0) {
                    System.out.printf("  pretrain step %d/%d loss %.3f%n", step.step(), step.totalSteps(), step.loss());
                }
            }, new TrainingControl());
            System.out.printf("  base LM: %d tokens in the corpus, %s%n", tokens.length, result);
            Map<String, float[]> copy = new LinkedHashMap<>();
            lm.parameters().forEach((name, array) -> copy.put(name, array.toFloatArray()));
            return copy;
        }
    }

    /** A fresh LM holding the base weights (each fine-tune starts from its own copy). */
    static CausalLm restore(Tokenizer tokenizer, DemoSettings s, Map<String, float[]> weights) {
        CausalLm lm = new CausalLm(config(tokenizer, s), Device.cpu(), s.seed());
        try (var scratch = lm.manager().newSubManager()) {
            lm.parameters().forEach((name, array) ->
                    // duplicate(): copyParameter would otherwise alias the Java-backed buffer of create()
                    lm.copyParameter(name, scratch.create(weights.get(name), array.getShape()).duplicate()));
        }
        return lm;
    }
}
