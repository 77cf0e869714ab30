package dev.elmstudio.app.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DirectTaskRunnerTest {

    private final DirectTaskRunner runner = new DirectTaskRunner();

    @Test
    void namedWorkIsListedWhileItRunsAndHousekeepingIsNot() {
        List<List<String>> seen = new ArrayList<>();
        runner.submit("Training", context -> seen.add(List.copyOf(runner.runningJobs())), ok -> { }, failed -> { });
        runner.submit(null, context -> seen.add(List.copyOf(runner.runningJobs())), ok -> { }, failed -> { });
        assertEquals(List.of(List.of("Training"), List.of()), seen);
        assertEquals(0, runner.runningCount().get());
    }

    @Test
    void aFailureGoesToTheFailureCallbackOnly() {
        List<Object> outcomes = new ArrayList<>();
        runner.submit("Broken", context -> {
            throw new IllegalStateException("boom");
        }, outcomes::add, outcomes::add);
        assertEquals(1, outcomes.size());
        assertTrue(outcomes.get(0) instanceof IllegalStateException);
        assertTrue(runner.runningJobs().isEmpty());
    }
}
