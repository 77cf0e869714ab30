package dev.elmstudio.app.compare;

import ai.djl.Device;
import dev.elmstudio.engine.checkpoint.LmCheckpoint;
import dev.elmstudio.engine.elm.ElmModel;
import dev.elmstudio.engine.lm.CausalLm;
import dev.elmstudio.engine.tokenizer.Tokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A text-only baseline loaded for generation: the LM folder as an {@link ElmModel} without adapters, so it
 * generates from slotless prompts through the same code path (and the same decoding) as the ELM.
 */
public final class TextOnlyModel implements AutoCloseable {
    public static final String TOKENIZER_FILE = "tokenizer.json";

    private final Tokenizer tokenizer;
    private final ElmModel model;

    private TextOnlyModel(Tokenizer tokenizer, ElmModel model) {
        this.tokenizer = tokenizer;
        this.model = model;
    }

    public static TextOnlyModel load(Path folder) throws IOException {
        if (!Files.isRegularFile(folder.resolve(LmCheckpoint.CONFIG_FILE))) {
            throw new IOException("text-only baseline " + folder + ": no " + LmCheckpoint.CONFIG_FILE);
        }
        if (!Files.isRegularFile(folder.resolve(TOKENIZER_FILE))) {
            throw new IOException("text-only baseline " + folder + ": no " + TOKENIZER_FILE);
        }
        Tokenizer tokenizer = Tokenizer.load(folder.resolve(TOKENIZER_FILE));
        try {
            CausalLm lm = LmCheckpoint.load(folder, Device.cpu());
            try {
                return new TextOnlyModel(tokenizer, new ElmModel(lm, tokenizer, Map.of(), 0));
            } catch (RuntimeException e) {
                lm.close();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            tokenizer.close();
            throw e;
        }
    }

    public ElmModel model() {
        return model;
    }

    @Override
    public void close() {
        model.close(); // closes the LM; the tokenizer is ours
        tokenizer.close();
    }
}
