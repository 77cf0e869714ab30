package dev.elmstudio.engine.checkpoint;

import static org.junit.jupiter.api.Assertions.fail;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.elmstudio.engine.lm.CausalLm;
import dev.elmstudio.engine.lm.NoGradScope;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The golden Hugging Face folders under {@code src/test/resources/golden/<arch>/}, written by
 * {@code src/test/python/make_golden.py}: config.json and model.safetensors (tiny random weights) plus
 * golden.safetensors, the logits of an independent plain-PyTorch implementation of the architecture.
 *
 * <p>golden.safetensors holds input_ids [1, T], logits [1, T, V], and a left-padded batch:
 * batch_input_ids [2, T], batch_attention_mask [2, T], batch_logits [2, T, V] (defined at real positions only).
 */
final class GoldenFolders {
    static final List<String> ARCHITECTURES = List.of("gpt2", "llama", "qwen2", "llama3_rope", "llama_linear_rope");
    static final String GOLDEN_FILE = "golden.safetensors";
    private static final String REGENERATE =
            "regenerate with: bench/.venv/bin/python engine/src/test/python/make_golden.py";

    private GoldenFolders() {}

    /** The folder of {@code arch}; fails the test (never skips it) when the folder or one of its files is missing. */
    static Path folder(String arch) {
        URL url = GoldenFolders.class.getResource("/golden/" + arch);
        if (url == null) {
            return fail("golden folder 'golden/" + arch + "' is missing from the test resources; " + REGENERATE);
        }
        Path dir;
        try {
            dir = Path.of(url.toURI());
        } catch (URISyntaxException e) {
            return fail("golden folder " + url + " is not a file path", e);
        }
        for (String name : List.of(LmCheckpoint.CONFIG_FILE, LmCheckpoint.WEIGHTS_FILE, GOLDEN_FILE)) {
            if (!Files.isRegularFile(dir.resolve(name))) {
                fail(dir.resolve(name) + " is missing; " + REGENERATE);
            }
        }
        return dir;
    }

    /** Reads tensor {@code name} of {@code arch}'s golden.safetensors into {@code manager}. */
    static NDArray read(String arch, String name, NDManager manager) throws IOException {
        try (SafeTensors golden = SafeTensors.open(folder(arch).resolve(GOLDEN_FILE))) {
            return golden.read(name, manager);
        }
    }

    /** Logits [B, T, V] of {@code model} for ids [B, T] and an optional 1/0 mask. */
    static float[] logits(CausalLm model, NDArray ids, NDArray mask) {
        try (NDManager scratch = model.manager().newSubManager(); NoGradScope noGrad = NoGradScope.enter()) {
            NDArray i = ids.toDevice(model.device(), true);
            i.attach(scratch);
            NDArray m = null;
            if (mask != null) {
                m = mask.toDevice(model.device(), true);
                m.attach(scratch);
            }
            return model.forward(i, m).toFloatArray();
        }
    }

    /**
     * Largest |a - b| over positions whose mask is 1; {@code mask} [B, T] as long[] (null: every position),
     * each position holding {@code vocab} logits.
     */
    static double maxAbsDiff(float[] a, float[] b, long[] mask, int vocab) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("lengths differ: " + a.length + " vs " + b.length);
        }
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            if (mask == null || mask[i / vocab] == 1) {
                worst = Math.max(worst, Math.abs((double) a[i] - b[i]));
            }
        }
        return worst;
    }
}
