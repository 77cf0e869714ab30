package dev.elmstudio.engine.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;

/**
 * Autoregressive decoding with a KV cache: one forward pass over the prompt, then one position per new token.
 * Each token's arrays live in a per-step manager; only the cache persists, and it is freed at the end.
 */
public final class Generator {
    /** Turns token ids into text, e.g. {@code Tokenizer::decode}; used for streaming and stop strings. */
    @FunctionalInterface
    public interface TextDecoder {
        String decode(long[] ids);
    }

    private final CausalLm model;
    private final TextDecoder decoder;

    /** @param decoder may be null: then stop strings cannot be checked and listeners get empty text */
    public Generator(CausalLm model, TextDecoder decoder) {
        this.model = model;
        this.decoder = decoder;
    }

    public Generation generate(long[] promptIds, GenerationConfig config, TokenListener listener) {
        if (promptIds.length == 0) {
            throw new IllegalArgumentException("the prompt needs at least one token");
        }
        try (NDManager prompt = model.manager().newSubManager()) {
            NDArray ids = prompt.create(promptIds, new Shape(1, promptIds.length));
            return generateFromEmbeddings(model.embedTokens(ids), config, listener);
        }
    }

    /**
     * Generates after a prompt given as input embeddings [1, T, D] (an ELM prompt with adapter outputs in it).
     * The caller keeps ownership of {@code promptEmbeddings}.
     */
    public Generation generateFromEmbeddings(NDArray promptEmbeddings, GenerationConfig config,
            TokenListener listener) {
        if (promptEmbeddings.getShape().get(0) != 1) {
            throw new IllegalArgumentException("generation takes one sequence at a time, got batch "
                    + promptEmbeddings.getShape().get(0));
        }
        if (!config.stopStrings().isEmpty() && decoder == null) {
            throw new IllegalArgumentException("stop strings need a text decoder");
        }
        Sampler sampler = new Sampler(config);
        long[] generated = new long[config.maxNewTokens()];
        int count = 0;
        String text = "";
        try (NoGradScope noGrad = NoGradScope.enter(); KvCache cache = model.newCache()) {
            float[] logits;
            try (NDManager step = model.manager().newSubManager()) {
                NDArray local = promptEmbeddings.duplicate();
                local.attach(step);
                logits = model.forwardEmbeddings(local, null, cache, true).toFloatArray();
            }
            while (count < config.maxNewTokens()) {
                long token = sampler.next(logits);
                if (config.stopTokenIds().contains(token)) {
                    return finish(generated, count, text, Generation.StopReason.STOP_TOKEN);
                }
                generated[count++] = token;
                if (decoder != null) {
                    text = decoder.decode(Arrays.copyOf(generated, count));
                    int stopAt = firstStop(text, config);
                    if (stopAt >= 0) {
                        // The tokens that formed the stop string stay in tokenIds; the text is cut before it.
                        return finish(generated, count, text.substring(0, stopAt), Generation.StopReason.STOP_STRING);
                    }
                }
                if (listener != null && !listener.onToken(token, text)) {
                    return finish(generated, count, text, Generation.StopReason.CANCELLED);
                }
                if (count == config.maxNewTokens()) {
                    break;
                }
                if (cache.length() >= model.config().maxPositions()) {
                    return finish(generated, count, text, Generation.StopReason.CONTEXT_FULL);
                }
                try (NDManager step = model.manager().newSubManager()) {
                    NDArray ids = step.create(new long[] {token}, new Shape(1, 1));
                    logits = model.forwardEmbeddings(model.embedTokens(ids), null, cache, true).toFloatArray();
                }
            }
        }
        return finish(generated, count, text, Generation.StopReason.MAX_TOKENS);
    }

    private static int firstStop(String text, GenerationConfig config) {
        int first = -1;
        for (String stop : config.stopStrings()) {
            int at = text.indexOf(stop);
            if (at >= 0 && (first < 0 || at < first)) {
                first = at;
            }
        }
        return first;
    }

    private static Generation finish(long[] generated, int count, String text, Generation.StopReason reason) {
        return new Generation(Arrays.copyOf(generated, count), text, reason);
    }
}
