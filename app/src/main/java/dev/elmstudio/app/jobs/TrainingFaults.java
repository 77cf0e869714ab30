package dev.elmstudio.app.jobs;

import dev.elmstudio.engine.train.UpdateStep;

/**
 * Test hook of the training commands and jobs: in-process tests install a fault injector here to fail an update
 * with a real exception (an injected out-of-memory) and check what the command does. Always NONE in normal use.
 */
public final class TrainingFaults {
    private static volatile UpdateStep.FaultInjector injector = UpdateStep.FaultInjector.NONE;

    private TrainingFaults() {}

    public static UpdateStep.FaultInjector injector() {
        return injector;
    }

    /** Installs {@code value} (null = none) for every training started afterwards in this process. */
    public static void install(UpdateStep.FaultInjector value) {
        injector = value == null ? UpdateStep.FaultInjector.NONE : value;
    }
}
