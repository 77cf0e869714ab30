package dev.elmstudio.engine.train;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TrainingControlTest {

    @Test
    void pauseBlocksUntilResume() throws Exception {
        TrainingControl control = new TrainingControl();
        control.pause();
        CompletableFuture<Boolean> waiter = CompletableFuture.supplyAsync(control::awaitPermissionToStep);
        Thread.sleep(100);
        assertFalse(waiter.isDone(), "a paused run must not take a step");
        control.resume();
        assertTrue(waiter.get(5, TimeUnit.SECONDS));
    }

    @Test
    void cancelReleasesAPausedRun() throws Exception {
        TrainingControl control = new TrainingControl();
        control.pause();
        CompletableFuture<Boolean> waiter = CompletableFuture.supplyAsync(control::awaitPermissionToStep);
        Thread.sleep(50);
        control.cancel();
        assertFalse(waiter.get(5, TimeUnit.SECONDS));
        assertTrue(control.isCancelled());
    }
}
