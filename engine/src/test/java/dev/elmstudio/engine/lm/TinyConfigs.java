package dev.elmstudio.engine.lm;

/** Tiny model shapes for tests: fast on two cores, yet every code path (GQA, qkv bias, untied head) is used. */
public final class TinyConfigs {
    private TinyConfigs() {}

    public static LmConfig gpt2() {
        return LmConfig.gpt2(61, 32, 2, 4, 64);
    }

    /** Llama with grouped-query attention (4 query heads share 2 key/value heads) and Qwen2's qkv bias. */
    public static LmConfig llamaGqa() {
        return LmConfig.llama(61, 32, 2, 4, 2, 48, 64).withAttentionBias(true);
    }
}
