package dev.elmstudio.engine.lm;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Picks the next token from one position's logits, on the Java side: V floats per token is a small copy, and
 * sorting there keeps top-p exact and the random stream ours (seeded, engine-independent).
 */
public final class Sampler {
    private final GenerationConfig config;
    private final SplittableRandom random;

    public Sampler(GenerationConfig config) {
        this.config = config;
        this.random = new SplittableRandom(config.seed());
    }

    public int next(float[] logits) {
        if (config.isGreedy()) {
            return argMax(logits);
        }
        int vocab = logits.length;
        Integer[] order = new Integer[vocab];
        for (int i = 0; i < vocab; i++) {
            order[i] = i;
        }
        // Ties broken by id so that sampling does not depend on the sort's stability.
        Arrays.sort(order, (a, b) -> logits[a] != logits[b] ? Float.compare(logits[b], logits[a]) : Integer.compare(a, b));
        int keep = config.topK() > 0 ? Math.min(config.topK(), vocab) : vocab;
        double max = logits[order[0]] / config.temperature();
        double[] weights = new double[keep];
        double total = 0;
        for (int r = 0; r < keep; r++) {
            weights[r] = Math.exp(logits[order[r]] / config.temperature() - max);
            total += weights[r];
        }
        if (config.topP() < 1) {
            double cumulative = 0;
            int cut = keep;
            for (int r = 0; r < keep; r++) {
                cumulative += weights[r] / total;
                if (cumulative >= config.topP()) {
                    cut = r + 1;
                    break;
                }
            }
            keep = cut;
            total = 0;
            for (int r = 0; r < keep; r++) {
                total += weights[r];
            }
        }
        double u = random.nextDouble() * total;
        for (int r = 0; r < keep; r++) {
            u -= weights[r];
            if (u < 0) {
                return order[r];
            }
        }
        return order[keep - 1];
    }

    static int argMax(float[] logits) {
        int best = 0;
        for (int i = 1; i < logits.length; i++) {
            if (logits[i] > logits[best]) {
                best = i;
            }
        }
        return best;
    }
}
