package dev.elmstudio.engine.elm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import dev.elmstudio.engine.lm.CausalLm;
import dev.elmstudio.engine.lm.Generation;
import dev.elmstudio.engine.lm.GenerationConfig;
import dev.elmstudio.engine.lm.LmConfig;
import dev.elmstudio.engine.tokenizer.BpeTrainer;
import dev.elmstudio.engine.tokenizer.SpecialTokens;
import dev.elmstudio.engine.tokenizer.Tokenizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: entities whose vectors encode a colour and a size (through a random linear map, plus noise), targets
 * that describe them in words. After two-stage training, greedy descriptions of held-out entities must name both
 * attributes right at least 90% of the time.
 */
class ElmSyntheticAttributesTest {
    static final List<String> COLOURS = List.of("red", "green", "blue", "yellow");
    static final List<String> SIZES = List.of("small", "medium", "large");
    static final int DIM = 8;
    static final PromptTemplate PROMPT = PromptTemplate.of("describe {item}:", "items");

    @Test
    void twoStagesTeachTheModelToNameAttributesOfHeldOutEntities(@TempDir Path folder) throws Exception {
        List<String> corpus = new ArrayList<>();
        for (String c : COLOURS) {
            for (String s : SIZES) {
                corpus.add("describe: a " + s + " " + c + " thing");
            }
        }
        BpeTrainer.builder().setVocabSize(SpecialTokens.ELM.size() + 256 + 60).optSpecialTokens(SpecialTokens.ELM)
                .build().train(corpus).writeTokenizerJson(folder.resolve("tokenizer.json"));
        float[][] mixing = randomMatrix(DIM, COLOURS.size() + SIZES.size(), new SplittableRandom(5));
        List<ElmExample> train = entities(240, 1, mixing);
        List<ElmExample> held = entities(40, 2, mixing);
        try (Tokenizer tokenizer = Tokenizer.load(folder.resolve("tokenizer.json"))) {
            CausalLm lm = new CausalLm(LmConfig.gpt2(tokenizer.vocabSize(), 32, 2, 4, 24), Device.cpu(), 3);
            try (ElmModel elm = new ElmModel(lm, tokenizer, Map.of("items",
                    new AdapterConfig(DIM, 64, 32, 1, AdapterConfig.Activation.GELU, 0.02)), 4)) {
                ElmTrainingConfig config = ElmTrainingConfig.of(StageConfig.of(100, 32, 1e-2),
                        new StageConfig(500, 32, 2e-3, 2e-4, 20, 0.0, 1.0), 6).withValidation(200);
                ElmTrainingResult result = new ElmTrainer(elm, train, held, config).run();
                int right = 0;
                List<String> wrong = new ArrayList<>();
                for (ElmExample e : held) {
                    Generation g = elm.generate(PROMPT, e.vectors(), GenerationConfig.greedy(8), null);
                    String[] expected = e.entityId().split("/");
                    if (g.text().contains(" " + expected[1] + " ") && g.text().contains(" " + expected[2] + " ")) {
                        right++;
                    } else {
                        wrong.add(e.entityId() + " → '" + g.text() + "'");
                    }
                }
                double accuracy = (double) right / held.size();
                assertTrue(accuracy >= 0.9, "held-out attribute accuracy " + accuracy + " (validation loss "
                        + result.validationLoss() + "); wrong: " + wrong);
            }
        }
    }

    /** Entities with random attributes; the id is "n/size/colour" and the vector mixing·(one-hots) + noise. */
    static List<ElmExample> entities(int count, long seed, float[][] mixing) {
        SplittableRandom random = new SplittableRandom(seed);
        List<ElmExample> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int c = random.nextInt(COLOURS.size());
            int s = random.nextInt(SIZES.size());
            float[] code = new float[COLOURS.size() + SIZES.size()];
            code[c] = 1;
            code[COLOURS.size() + s] = 1;
            float[] v = new float[DIM];
            for (int r = 0; r < DIM; r++) {
                double sum = 0.1 * (random.nextDouble() * 2 - 1);
                for (int k = 0; k < code.length; k++) {
                    sum += mixing[r][k] * code[k];
                }
                v[r] = (float) sum;
            }
            list.add(new ElmExample(i + "/" + SIZES.get(s) + "/" + COLOURS.get(c), PROMPT, Map.of("item", v),
                    " a " + SIZES.get(s) + " " + COLOURS.get(c) + " thing"));
        }
        return list;
    }

    static float[][] randomMatrix(int rows, int cols, SplittableRandom random) {
        float[][] m = new float[rows][cols];
        for (float[] row : m) {
            for (int k = 0; k < cols; k++) {
                row[k] = (float) (random.nextDouble() * 2 - 1);
            }
        }
        return m;
    }
}
