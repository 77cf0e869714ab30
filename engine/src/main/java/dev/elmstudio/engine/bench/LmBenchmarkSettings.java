package dev.elmstudio.engine.bench;

/**
 * The benchmark's model and run shape; the defaults are the documented config (about 6 layers, width 384,
 * 6 heads, context 256, vocab 8k), the same flags {@code bench/reference_lm.py} takes.
 */
public record LmBenchmarkSettings(int layers, int width, int heads, int context, int vocab, int batch, int threads,
        int warmupSteps, int steps, int decodeTokens, int promptLength, long seed) {

    public LmBenchmarkSettings {
        if (layers <= 0 || width <= 0 || heads <= 0 || context <= 0 || vocab <= 0 || batch <= 0 || threads <= 0) {
            throw new IllegalArgumentException("model and batch sizes and threads must be positive");
        }
        if (steps <= 0 || warmupSteps < 0 || decodeTokens < 2 || promptLength <= 0) {
            throw new IllegalArgumentException("steps > 0, warm-up >= 0, decode tokens >= 2, prompt > 0 required");
        }
        if (promptLength + decodeTokens > context) {
            throw new IllegalArgumentException("prompt + decoded tokens (" + (promptLength + decodeTokens)
                    + ") must fit the context " + context);
        }
    }

    public static LmBenchmarkSettings documented() {
        return new LmBenchmarkSettings(6, 384, 6, 256, 8192, 8, 2, 3, 20, 128, 16, 0);
    }
}
