package dev.elmstudio.engine.train;

/**
 * Dynamic loss scaling for fp16 training, as {@code torch.cuda.amp.GradScaler}: the loss is multiplied by
 * {@link #scale()} before backward so that small gradients survive fp16; the optimizer divides it out again. An
 * update whose gradients hold inf or NaN is skipped and the scale halved; after {@code growthInterval} clean
 * updates in a row the scale doubles. Without loss scaling ({@link #disabled()}) the scale stays 1 and a
 * non-finite gradient is an error, as before.
 *
 * <p>The state (scale, clean updates since the last change) goes into training checkpoints so that a resumed run
 * scales exactly as the uninterrupted one would have.
 */
public final class LossScaler {
    /** GradScaler's defaults. */
    public static final double INITIAL_SCALE = 65536.0;
    public static final int GROWTH_INTERVAL = 2000;
    private static final double MIN_SCALE = 1.0 / (1 << 24);

    private final boolean enabled;
    private final int growthInterval;
    private double scale;
    private int cleanSteps;
    private long skippedSteps;

    private LossScaler(boolean enabled, double scale, int growthInterval) {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("loss scale must be a positive number, got " + scale);
        }
        if (growthInterval <= 0) {
            throw new IllegalArgumentException("growth interval must be > 0, got " + growthInterval);
        }
        this.enabled = enabled;
        this.scale = scale;
        this.growthInterval = growthInterval;
    }

    /** Scale 1, never changes; a non-finite gradient is the caller's error to report. */
    public static LossScaler disabled() {
        return new LossScaler(false, 1.0, 1);
    }

    public static LossScaler dynamic(double initialScale, int growthInterval) {
        return new LossScaler(true, initialScale, growthInterval);
    }

    public boolean enabled() {
        return enabled;
    }

    public double scale() {
        return scale;
    }

    /** Clean updates since the scale last changed. */
    public int cleanSteps() {
        return cleanSteps;
    }

    /** Updates skipped for non-finite gradients in this process (not saved; informative). */
    public long skippedSteps() {
        return skippedSteps;
    }

    /**
     * Records one update's outcome and adjusts the scale.
     *
     * @param gradientsFinite whether every gradient was finite (the update was applied)
     */
    public void update(boolean gradientsFinite) {
        if (!enabled) {
            return;
        }
        if (!gradientsFinite) {
            scale = Math.max(MIN_SCALE, scale / 2);
            cleanSteps = 0;
            skippedSteps++;
            return;
        }
        cleanSteps++;
        if (cleanSteps >= growthInterval) {
            scale *= 2;
            cleanSteps = 0;
        }
    }

    /** Restores a saved state (from a checkpoint). */
    public void restore(double savedScale, int savedCleanSteps) {
        if (!enabled) {
            return;
        }
        if (!(savedScale > 0) || Double.isInfinite(savedScale) || savedCleanSteps < 0) {
            throw new IllegalArgumentException("saved loss scale " + savedScale + " / clean steps " + savedCleanSteps
                    + " is not valid");
        }
        scale = savedScale;
        cleanSteps = savedCleanSteps;
    }
}
