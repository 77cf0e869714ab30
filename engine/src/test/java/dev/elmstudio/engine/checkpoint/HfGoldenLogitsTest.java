package dev.elmstudio.engine.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.elmstudio.engine.lm.CausalLm;
import dev.elmstudio.engine.lm.LmConfig;
import dev.elmstudio.engine.lm.RopeScaling;
import org.junit.jupiter.api.Test;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Java forward pass against an independent reference: Hugging Face folders of tiny random GPT-2, Llama (GQA,
 * untied head) and Qwen2 (qkv bias, tied head) models, with logits computed by plain PyTorch implementations
 * written from the published architectures ({@code src/test/python/make_golden.py}, see its docstring for the
 * conventions: rotary layout, norm epsilon, biases). The reference runs in float64; the engine in float32.
 */
class HfGoldenLogitsTest {
    /** The bar for fp32 against the reference. */
    static final double TOLERANCE = 1e-4;

    @TempDir
    Path exported;

    static Stream<String> architectures() {
        return GoldenFolders.ARCHITECTURES.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("architectures")
    void logitsMatchTheReference(String arch) throws IOException {
        try (CausalLm model = LmCheckpoint.load(GoldenFolders.folder(arch), Device.cpu());
                NDManager m = NDManager.newBaseManager(Device.cpu())) {
            float[] expected = GoldenFolders.read(arch, "logits", m).toFloatArray();
            float[] actual = GoldenFolders.logits(model, GoldenFolders.read(arch, "input_ids", m), null);

            double diff = GoldenFolders.maxAbsDiff(expected, actual, null, model.config().vocabSize());
            System.out.printf("golden %s: max |Δlogit| %.3g%n", arch, diff);
            assertTrue(diff <= TOLERANCE, arch + ": max |Δlogit| " + diff + " > " + TOLERANCE);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("architectures")
    void leftPaddedBatchMatchesTheReferenceAtRealPositions(String arch) throws IOException {
        try (CausalLm model = LmCheckpoint.load(GoldenFolders.folder(arch), Device.cpu());
                NDManager m = NDManager.newBaseManager(Device.cpu())) {
            NDArray mask = GoldenFolders.read(arch, "batch_attention_mask", m);
            float[] expected = GoldenFolders.read(arch, "batch_logits", m).toFloatArray();
            float[] actual = GoldenFolders.logits(model, GoldenFolders.read(arch, "batch_input_ids", m), mask);

            double diff = GoldenFolders.maxAbsDiff(expected, actual, mask.toLongArray(), model.config().vocabSize());
            System.out.printf("golden %s padded batch: max |Δlogit| %.3g%n", arch, diff);
            assertTrue(diff <= TOLERANCE, arch + " padded batch: max |Δlogit| " + diff + " > " + TOLERANCE);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("architectures")
    void importExportImportGivesIdenticalLogits(String arch) throws IOException {
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            NDArray ids = GoldenFolders.read(arch, "batch_input_ids", m);
            NDArray mask = GoldenFolders.read(arch, "batch_attention_mask", m);
            float[] imported;
            try (CausalLm model = LmCheckpoint.load(GoldenFolders.folder(arch), Device.cpu())) {
                imported = GoldenFolders.logits(model, ids, mask);
                LmCheckpoint.save(model, exported);
            }

            try (CausalLm reloaded = LmCheckpoint.load(exported, Device.cpu())) {
                assertEquals(LmCheckpoint.readConfig(GoldenFolders.folder(arch)), reloaded.config(), arch);
                float[] again = GoldenFolders.logits(reloaded, ids, mask);
                assertEquals(0.0, GoldenFolders.maxAbsDiff(imported, again, null, reloaded.config().vocabSize()),
                        arch + ": logits changed across import → export → import");
            }
            try (SafeTensors original = SafeTensors.open(GoldenFolders.folder(arch).resolve(LmCheckpoint.WEIGHTS_FILE));
                    SafeTensors written = SafeTensors.open(exported.resolve(LmCheckpoint.WEIGHTS_FILE))) {
                assertEquals(original.tensors().keySet(), written.tensors().keySet(),
                        arch + ": exported tensor names differ from the imported folder's");
                for (String name : original.tensors().keySet()) {
                    assertEquals(original.info(name).shape(), written.info(name).shape(), arch + ": " + name);
                    float[] a = original.read(name, m).toFloatArray();
                    float[] b = written.read(name, m).toFloatArray();
                    assertEquals(0.0, GoldenFolders.maxAbsDiff(a, b, null, 1), arch + ": " + name + " changed");
                }
            }
        }
    }

    /** The rope-scaling goldens can fail: the same weights with plain RoPE are far from them. */
    @Test
    void ignoringRopeScalingMissesTheLlama3Golden() throws IOException {
        Path folder = GoldenFolders.folder("llama3_rope");
        LmConfig plain = LmCheckpoint.readConfig(folder).withRopeScaling(RopeScaling.NONE);
        try (CausalLm model = new CausalLm(plain, Device.cpu(), 0);
                NDManager m = NDManager.newBaseManager(Device.cpu());
                SafeTensors weights = SafeTensors.open(folder.resolve(LmCheckpoint.WEIGHTS_FILE))) {
            for (String name : model.parameters().keySet()) {
                model.copyParameter(name, weights.read(name, m));
            }
            float[] expected = GoldenFolders.read("llama3_rope", "logits", m).toFloatArray();
            float[] actual = GoldenFolders.logits(model, GoldenFolders.read("llama3_rope", "input_ids", m), null);
            double diff = GoldenFolders.maxAbsDiff(expected, actual, null, plain.vocabSize());
            assertTrue(diff > 0.01, "plain RoPE should miss the llama3-scaled golden, max |Δlogit| " + diff);
        }
    }
}
