package dev.elmstudio.engine.elm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.elmstudio.engine.elm.experiments.ToyTask;
import dev.elmstudio.engine.lm.CausalLm;
import dev.elmstudio.engine.lm.LmConfig;
import dev.elmstudio.engine.lm.NoGradScope;
import dev.elmstudio.engine.tokenizer.Tokenizer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ElmLoraTest {
    @TempDir
    static Path folder;
    static Tokenizer tokenizer;

    @BeforeAll
    static void trainTokenizer() throws Exception {
        tokenizer = ToyTask.tokenizer(folder);
    }

    @AfterAll
    static void closeTokenizer() {
        tokenizer.close();
    }

    private static ElmModel model(LmConfig config, long seed) {
        CausalLm lm = new CausalLm(config, Device.cpu(), seed);
        return new ElmModel(lm, tokenizer, Map.of(ToyTask.SPACE, ToyTask.adapter(config, 2)), seed);
    }

    @Test
    void mergedLoraGivesTheSameLogitsAsUnmergedGpt2() {
        mergedEqualsUnmerged(LmConfig.gpt2(tokenizer.vocabSize(), 32, 2, 4, 16),
                List.of("attn.c_attn", "attn.c_proj", "mlp.c_fc", "mlp.c_proj"));
    }

    @Test
    void mergedLoraGivesTheSameLogitsAsUnmergedLlama() {
        mergedEqualsUnmerged(LmConfig.llama(tokenizer.vocabSize(), 32, 2, 4, 2, 48, 16),
                List.of("q_proj", "k_proj", "v_proj", "o_proj", "up_proj", "gate_proj", "down_proj"));
    }

    private void mergedEqualsUnmerged(LmConfig config, List<String> targets) {
        List<ElmExample> examples = ToyTask.points(4, 1);
        try (ElmModel elm = model(config, 2)) {
            float[] base = logits(elm, examples);
            Lora lora = elm.enableLora(new LoraConfig(4, 8, targets), 3);
            assertEquals(targets.size() * config.numLayers() * 2, lora.parameters().size());
            assertArrayEquals(base, logits(elm, examples), 1e-6f, "B = 0: LoRA starts as the base model");
            LoraFixtures.randomizeLoraB(elm, 4);
            float[] unmerged = logits(elm, examples);
            assertFalse(Arrays.equals(base, unmerged), "non-zero B must change the outputs");
            elm.mergeLora();
            assertNull(elm.lm().linearDelta());
            assertArrayEquals(unmerged, logits(elm, examples), 1e-5f, "merged logits differ from unmerged");
        }
    }

    @Test
    void loraStage2TrainsLoraAndAdaptersButNoBaseWeight() throws Exception {
        try (ElmModel elm = model(ToyTask.lmConfig(tokenizer), 5)) {
            elm.enableLora(new LoraConfig(2, 4, List.of("attn.c_attn", "mlp.c_fc")), 6);
            Map<String, float[]> base = ElmCoreTest.snapshot(elm.lm().parameters());
            Map<String, float[]> loraBefore = ElmCoreTest.snapshot(elm.loraParameters());
            ElmTrainingConfig config = ElmTrainingConfig.of(StageConfig.of(3, 8, 1e-2), StageConfig.of(4, 8, 1e-2), 1);
            new ElmTrainer(elm, ToyTask.points(32, 2), List.of(), config).run();
            ElmCoreTest.snapshot(elm.lm().parameters()).forEach((name, values) ->
                    assertArrayEquals(base.get(name), values, 0f, "base weight " + name + " changed under LoRA"));
            boolean moved = ElmCoreTest.snapshot(elm.loraParameters()).entrySet().stream()
                    .anyMatch(e -> e.getKey().endsWith("lora_B.weight")
                            && !Arrays.equals(loraBefore.get(e.getKey()), e.getValue()));
            assertTrue(moved, "stage 2 must train LoRA's B");
        }
    }

    @Test
    void elmWithLoraSavesAndLoadsUnmerged(@TempDir Path dir) throws Exception {
        List<ElmExample> examples = ToyTask.points(4, 3);
        float[] before;
        try (ElmModel elm = model(ToyTask.lmConfig(tokenizer), 7)) {
            elm.enableLora(new LoraConfig(2, 4, List.of("attn.c_attn")), 8);
            new ElmTrainer(elm, examples, List.of(), ElmTrainingConfig.of(StageConfig.skipped(),
                    StageConfig.of(3, 4, 1e-2), 1)).run();
            before = logits(elm, examples);
            ElmArchive.save(elm, dir.resolve("elm"));
        }
        try (ElmModel loaded = ElmArchive.load(dir.resolve("elm"), Device.cpu())) {
            assertEquals(2, loaded.lora().config().rank());
            assertArrayEquals(before, logits(loaded, examples), 0f);
        }
    }

    private static float[] logits(ElmModel elm, List<ElmExample> examples) {
        try (NoGradScope noGrad = NoGradScope.enter(); NDManager step = elm.lm().manager().newSubManager()) {
            return elm.logits(elm.collator().collate(examples), step).toFloatArray();
        }
    }
}
