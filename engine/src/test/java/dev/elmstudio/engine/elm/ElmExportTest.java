package dev.elmstudio.engine.elm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.elmstudio.engine.checkpoint.HfModelFolder;
import dev.elmstudio.engine.checkpoint.LmCheckpoint;
import dev.elmstudio.engine.elm.experiments.ToyTask;
import dev.elmstudio.engine.lm.CausalLm;
import dev.elmstudio.engine.lm.LmConfig;
import dev.elmstudio.engine.lm.NoGradScope;
import dev.elmstudio.engine.tokenizer.Tokenizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ElmExportTest {
    @TempDir
    static Path tokenizerFolder;
    static Tokenizer tokenizer;

    @TempDir
    Path exported;

    @BeforeAll
    static void trainTokenizer() throws Exception {
        tokenizer = ToyTask.tokenizer(tokenizerFolder);
    }

    @AfterAll
    static void closeTokenizer() {
        tokenizer.close();
    }

    static Stream<Arguments> models() {
        return Stream.of(
                Arguments.of("gpt2", LmConfig.gpt2(tokenizer.vocabSize(), 32, 2, 4, 16),
                        List.of("attn.c_attn", "attn.c_proj", "mlp.c_fc", "mlp.c_proj")),
                Arguments.of("llama-gqa", LmConfig.llama(tokenizer.vocabSize(), 32, 2, 4, 2, 48, 16),
                        List.of("q_proj", "k_proj", "v_proj", "o_proj", "up_proj", "gate_proj", "down_proj")),
                Arguments.of("qwen2-tied", LmConfig.llama(tokenizer.vocabSize(), 32, 2, 4, 2, 48, 16)
                        .withAttentionBias(true).withTiedEmbeddings(true), List.of("q_proj", "v_proj")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void exportedFolderGivesTheUnmergedModelsLogits(String name, LmConfig config, List<String> targets)
            throws Exception {
        float[] unmerged;
        try (ElmModel elm = new ElmModel(new CausalLm(config, Device.cpu(), 2), tokenizer,
                Map.of(ToyTask.SPACE, ToyTask.adapter(config, 2)), 2)) {
            float[] base = lmLogits(elm.lm());
            elm.enableLora(new LoraConfig(4, 8, targets), 3);
            LoraFixtures.randomizeLoraB(elm, 4);
            unmerged = lmLogits(elm.lm());
            assertFalse(Arrays.equals(base, unmerged), "non-zero B must change the outputs");

            ElmExport.exportMergedLm(elm, exported);

            assertNotNull(elm.lora(), "exporting must not merge the model's own LoRA");
            assertEquals(0.0, maxAbsDiff(unmerged, lmLogits(elm.lm())), "exporting changed the model");
        }

        HfModelFolder.inspect(exported).requireImportable();
        assertTrue(Files.isRegularFile(exported.resolve("tokenizer.json")));
        try (CausalLm loaded = LmCheckpoint.load(exported, Device.cpu())) {
            assertEquals(config, loaded.config());
            double diff = maxAbsDiff(unmerged, lmLogits(loaded));
            System.out.printf("export %s: merged vs unmerged max |Δlogit| %.3g%n", name, diff);
            assertTrue(diff <= 1e-5, name + ": merged export differs from the unmerged model by " + diff);
        }
    }


    /** Logits [2, 6, V] of the LM alone for a fixed batch, the second row left-padded. */
    private static float[] lmLogits(CausalLm lm) {
        try (NDManager scratch = lm.manager().newSubManager(); NoGradScope noGrad = NoGradScope.enter()) {
            NDArray ids = scratch.create(new long[] {1, 7, 3, 9, 4, 2, 0, 0, 5, 8, 6, 1}, new Shape(2, 6));
            NDArray mask = scratch.create(new long[] {1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1}, new Shape(2, 6));
            return lm.forward(ids, mask).toFloatArray();
        }
    }

    private static double maxAbsDiff(float[] a, float[] b) {
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            worst = Math.max(worst, Math.abs((double) a[i] - b[i]));
        }
        return worst;
    }
}
