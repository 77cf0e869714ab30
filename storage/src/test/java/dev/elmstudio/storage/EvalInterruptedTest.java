package dev.elmstudio.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalInterruptedTest {
    @TempDir
    Path folder;

    @Test
    void anEvaluationLeftRunningIsMarkedInterruptedWhenAWriterOpens() {
        long id;
        try (Workspace workspace = Workspace.openOrCreate(folder)) {
            id = workspace.evals().create(null, "held-out", "{}").id(); // starts as running
            assertEquals(RunStatus.RUNNING, workspace.evals().get(id).orElseThrow().status());
        } // closed without finishing: what a killed process leaves behind
        try (Workspace workspace = Workspace.open(folder)) {
            assertEquals(RunStatus.INTERRUPTED, workspace.evals().get(id).orElseThrow().status());
        }
    }
}
