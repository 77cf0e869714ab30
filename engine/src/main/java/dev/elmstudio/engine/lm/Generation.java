package dev.elmstudio.engine.lm;

/**
 * What a generation produced.
 *
 * @param tokenIds the new tokens (stop tokens excluded)
 * @param text their text, cut before a stop string ("" without a decoder)
 * @param stopReason why it ended
 */
public record Generation(long[] tokenIds, String text, StopReason stopReason) {
    public enum StopReason {
        MAX_TOKENS,
        STOP_TOKEN,
        STOP_STRING,
        CANCELLED,
        CONTEXT_FULL
    }
}
