package dev.elmstudio.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InfoCommandTest {

    @Test
    void printsJavaEngineDeviceAndThreads() {
        CliRun run = CliRun.execute("info");

        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("Java        " + Runtime.version()), run::toString);
        assertTrue(run.out().contains("engine PyTorch 2.5.1"), run::toString);
        assertTrue(run.out().matches("(?s).*Device +(CPU|\\d+ GPUs?).*"), run::toString);
        // Surefire passes -Dai.djl.pytorch.num_threads=2 (parent pom): PyTorch must report what was asked.
        assertTrue(run.out().contains("intra-op " + System.getProperty("ai.djl.pytorch.num_threads")), run::toString);
        assertEquals("", run.err(), run::toString);
    }
}
