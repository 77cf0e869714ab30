package dev.elmstudio.engine.train;

import java.time.Duration;

/**
 * Smoothed step time for the tokens/s and ETA a progress bar shows. An exponential moving average
 * follows a run that speeds up after warm-up (allocator, JIT) without jumping on every noisy step.
 * Only time spent in steps is measured, so a pause does not lower the throughput.
 */
final class ThroughputMeter {

    private static final double SMOOTHING = 0.1; // weight of the newest step

    private final long tokensPerStep;
    private double averageStepSeconds = Double.NaN;

    ThroughputMeter(long tokensPerStep) {
        this.tokensPerStep = tokensPerStep;
    }

    void record(long stepNanos) {
        double seconds = stepNanos / 1e9;
        averageStepSeconds = Double.isNaN(averageStepSeconds)
                ? seconds
                : (1 - SMOOTHING) * averageStepSeconds + SMOOTHING * seconds;
    }

    double tokensPerSecond() {
        return averageStepSeconds > 0 ? tokensPerStep / averageStepSeconds : 0;
    }

    Duration eta(int remainingSteps) {
        if (Double.isNaN(averageStepSeconds)) {
            return Duration.ZERO;
        }
        return Duration.ofMillis(Math.round(remainingSteps * averageStepSeconds * 1000));
    }
}
