package dev.elmstudio.engine.lm;

/**
 * Hugging Face tensor names for both families, so that checkpoints are a table of names rather than logic.
 * GPT-2 follows {@code GPT2LMHeadModel}; Llama (also Qwen2, SmolLM) follows {@code LlamaForCausalLM}.
 */
final class ParameterNames {
    private ParameterNames() {}

    static String tokenEmbedding(LmConfig c) {
        return c.isGpt2() ? "transformer.wte.weight" : "model.embed_tokens.weight";
    }

    static String positionEmbedding() {
        return "transformer.wpe.weight";
    }

    static String finalNorm(LmConfig c, String suffix) {
        return (c.isGpt2() ? "transformer.ln_f." : "model.norm.") + suffix;
    }

    static String head() {
        return "lm_head.weight";
    }

    /** Prefix of block {@code i}: "transformer.h.i." or "model.layers.i.". */
    static String block(LmConfig c, int i) {
        return (c.isGpt2() ? "transformer.h." : "model.layers.") + i + ".";
    }
}
