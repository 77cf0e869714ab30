package dev.elmstudio.engine.lm;

import java.util.List;

/**
 * Decoding settings.
 *
 * @param maxNewTokens upper bound on generated tokens
 * @param temperature 0 means greedy (argmax); otherwise logits are divided by it before sampling
 * @param topK keep the k most likely tokens (0 = no limit)
 * @param topP keep the smallest set whose probability reaches p (1 = no limit)
 * @param seed sampling seed: the same seed and settings give the same text
 * @param stopStrings generation ends when the text contains one of these; the text is cut before it
 * @param stopTokenIds generation ends on one of these ids (typically end-of-sequence); the id is not emitted
 */
public record GenerationConfig(int maxNewTokens, double temperature, int topK, double topP, long seed,
        List<String> stopStrings, List<Long> stopTokenIds) {

    public GenerationConfig {
        if (maxNewTokens < 0) {
            throw new IllegalArgumentException("maxNewTokens must be >= 0, got " + maxNewTokens);
        }
        if (temperature < 0 || Double.isNaN(temperature)) {
            throw new IllegalArgumentException("temperature must be >= 0, got " + temperature);
        }
        if (topK < 0) {
            throw new IllegalArgumentException("topK must be >= 0, got " + topK);
        }
        if (!(topP > 0 && topP <= 1)) {
            throw new IllegalArgumentException("topP must be in (0, 1], got " + topP);
        }
        stopStrings = List.copyOf(stopStrings == null ? List.of() : stopStrings);
        stopTokenIds = List.copyOf(stopTokenIds == null ? List.of() : stopTokenIds);
        if (stopStrings.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("stop strings must not be empty");
        }
    }

    public static GenerationConfig greedy(int maxNewTokens) {
        return new GenerationConfig(maxNewTokens, 0, 0, 1, 0, List.of(), List.of());
    }

    public static GenerationConfig sampling(int maxNewTokens, double temperature, int topK, double topP, long seed) {
        return new GenerationConfig(maxNewTokens, temperature, topK, topP, seed, List.of(), List.of());
    }

    public GenerationConfig withStopStrings(List<String> stops) {
        return new GenerationConfig(maxNewTokens, temperature, topK, topP, seed, stops, stopTokenIds);
    }

    public GenerationConfig withStopTokenIds(List<Long> ids) {
        return new GenerationConfig(maxNewTokens, temperature, topK, topP, seed, stopStrings, ids);
    }

    public boolean isGreedy() {
        return temperature == 0;
    }
}
