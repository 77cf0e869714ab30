package dev.elmstudio.engine.elm;

import ai.djl.ndarray.NDArray;
import dev.elmstudio.engine.checkpoint.LmCheckpoint;
import dev.elmstudio.engine.lm.CausalLm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * A trained ELM's language model as a plain Hugging Face folder that other tools load without ELM Studio:
 * config.json, model.safetensors with any LoRA folded into the base weights, and tokenizer.json. The adapters
 * and manifest are what {@link ElmArchive#save} writes; this is the LM alone.
 */
public final class ElmExport {
    private ElmExport() {}

    /**
     * Writes {@code model}'s LM with LoRA merged into {@code dir}. The model itself is left as it was (its LoRA
     * stays separate and trainable): the merge happens on a copy of the LM, on the model's device.
     */
    public static void exportMergedLm(ElmModel model, Path dir) throws IOException {
        CausalLm lm = model.lm();
        if (model.lora() == null) {
            LmCheckpoint.save(lm, dir);
        } else {
            // The seed is irrelevant: every parameter is overwritten by the trained one.
            try (CausalLm merged = new CausalLm(lm.config(), lm.device(), 0)) {
                for (Map.Entry<String, NDArray> e : lm.parameters().entrySet()) {
                    merged.copyParameter(e.getKey(), e.getValue());
                }
                model.lora().mergeInto(merged);
                LmCheckpoint.save(merged, dir);
            }
        }
        Files.copy(model.tokenizer().file(), dir.resolve(ElmArchive.TOKENIZER_FILE),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
