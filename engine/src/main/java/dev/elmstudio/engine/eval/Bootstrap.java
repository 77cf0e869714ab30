package dev.elmstudio.engine.eval;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Percentile bootstrap interval for a mean over items: draw n items with replacement, take the
 * mean, repeat; the interval is the central {@code confidence} part of those means.
 *
 * <p>Percentiles use the order statistics at 0-based indices ⌊a·B⌋ and ⌈(1−a)·B⌉−1 of the B sorted
 * resampled means, a = (1 − confidence)/2; for B = 1000 and 95% that is the 26th and 975th smallest.
 * One {@link SplittableRandom} seeded per call makes the interval reproducible from its seed.
 */
public final class Bootstrap {

    public static final int DEFAULT_RESAMPLES = 1000;
    public static final double DEFAULT_CONFIDENCE = 0.95;

    private final int resamples;
    private final double confidence;
    private final long seed;

    public Bootstrap(int resamples, double confidence, long seed) {
        if (resamples < 1) {
            throw new IllegalArgumentException("bootstrap: resamples must be >= 1, got " + resamples);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("bootstrap: confidence must be in (0, 1), got " + confidence);
        }
        this.resamples = resamples;
        this.confidence = confidence;
        this.seed = seed;
    }

    /** 1000 resamples, 95%. */
    public static Bootstrap ninetyFivePercent(long seed) {
        return new Bootstrap(DEFAULT_RESAMPLES, DEFAULT_CONFIDENCE, seed);
    }

    public BootstrapInterval meanInterval(double[] values) {
        Checks.notEmpty("bootstrap", values.length);
        Checks.finite("bootstrap", values);
        int n = values.length;
        SplittableRandom random = new SplittableRandom(seed);
        double[] means = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += values[random.nextInt(n)];
            }
            means[b] = sum / n;
        }
        Arrays.sort(means);
        double tail = (1 - confidence) / 2;
        int lowerIndex = (int) Math.floor(tail * resamples);
        int upperIndex = Math.max(lowerIndex, (int) Math.ceil((1 - tail) * resamples) - 1);
        return new BootstrapInterval(Correlation.mean(values), means[lowerIndex], means[upperIndex], n, resamples, seed);
    }
}
