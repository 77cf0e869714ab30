package dev.elmstudio.engine.eval;

/**
 * A mean with its percentile bootstrap interval.
 *
 * @param mean      the plain mean of the items
 * @param lower     lower end of the interval (2.5th percentile of resampled means for 95%)
 * @param upper     upper end of the interval
 * @param items     how many items the mean is over
 * @param resamples how many bootstrap resamples gave the interval
 * @param seed      the seed that reproduces the interval
 */
public record BootstrapInterval(double mean, double lower, double upper, int items, int resamples, long seed) {

    public double width() {
        return upper - lower;
    }
}
