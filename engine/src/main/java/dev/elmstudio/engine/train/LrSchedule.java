package dev.elmstudio.engine.train;

/**
 * Learning rate for each optimizer step: linear warm-up, then cosine decay to a floor.
 *
 * <p>Steps count from 0 (the first update). The shape follows nanoGPT's {@code get_lr}: warm-up
 * starts above zero so the first update is not wasted, and the cosine reaches {@code minLr} at
 * {@code decaySteps} and stays there (a run may go on past its planned decay).
 *
 * @param maxLr learning rate at the end of warm-up
 * @param minLr floor the cosine decays to
 * @param warmupSteps updates spent ramping up (0 = start at maxLr)
 * @param decaySteps update at which the cosine reaches minLr (usually the run's total steps)
 */
public record LrSchedule(double maxLr, double minLr, int warmupSteps, int decaySteps) {

    public LrSchedule {
        if (!(maxLr > 0) || Double.isInfinite(maxLr)) {
            throw new IllegalArgumentException("maxLr must be a positive finite number, got " + maxLr);
        }
        if (!(minLr >= 0) || minLr > maxLr) {
            throw new IllegalArgumentException("minLr must be in [0, maxLr=" + maxLr + "], got " + minLr);
        }
        if (warmupSteps < 0) {
            throw new IllegalArgumentException("warmupSteps must be >= 0, got " + warmupSteps);
        }
        if (decaySteps < warmupSteps) {
            throw new IllegalArgumentException(
                    "decaySteps (" + decaySteps + ") must be >= warmupSteps (" + warmupSteps + ")");
        }
    }

    /** Learning rate for update number {@code step} (0-based). */
    public double at(int step) {
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0, got " + step);
        }
        // 1) linear warm-up: (step + 1) / (warmup + 1) of maxLr, so step 0 already moves the weights
        if (step < warmupSteps) {
            return maxLr * (step + 1) / (warmupSteps + 1);
        }
        // 2) past the planned decay: hold the floor
        if (step >= decaySteps) {
            return minLr;
        }
        // 3) in between: cosine from maxLr (ratio 0) down to minLr (ratio 1)
        double ratio = (double) (step - warmupSteps) / (decaySteps - warmupSteps);
        double coefficient = 0.5 * (1.0 + Math.cos(Math.PI * ratio));
        return minLr + coefficient * (maxLr - minLr);
    }
}
