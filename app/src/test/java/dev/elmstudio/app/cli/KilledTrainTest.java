package dev.elmstudio.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.elmstudio.app.testing.ChildJvm;
import dev.elmstudio.storage.Checkpoint;
import dev.elmstudio.storage.CheckpointFiles;
import dev.elmstudio.storage.Metric;
import dev.elmstudio.storage.Run;
import dev.elmstudio.storage.RunStatus;
import dev.elmstudio.storage.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An ELM training process killed with SIGKILL mid-run loses nothing it committed: the workspace opens cleanly, the
 * run is marked interrupted, its metrics and checkpoints are intact, and {@code train --resume RUN} finishes the
 * same run with the losses an uninterrupted run has, across the change from stage 1 to stage 2.
 */
class KilledTrainTest {
    private static final int STAGE_STEPS = 150;
    private static final int STEPS = 2 * STAGE_STEPS;

    @TempDir
    Path folder;

    @Test
    void sigkillLosesNoCommittedDataAndResumeMatchesAnUninterruptedRun() throws Exception {
        Path reference = ElmFixtures.preparedWorkspace(Files.createDirectories(folder.resolve("reference")));
        ElmFixtures.ok(arguments(reference));
        List<Double> uninterrupted = losses(reference);
        assertEquals(STEPS, uninterrupted.size());

        Path workspaceFolder = ElmFixtures.preparedWorkspace(Files.createDirectories(folder.resolve("killed")));
        Process child = new ProcessBuilder(javaCommand(arguments(workspaceFolder)))
                .redirectErrorStream(true).redirectOutput(folder.resolve("child.log").toFile()).start();
        long killedAfterCheckpoint = waitForCheckpointThenKill(child, workspaceFolder);

        long runId;
        try (Workspace workspace = Workspace.open(workspaceFolder)) { // a writer's open marks dead runs
            Run run = workspace.runs().list().get(0);
            runId = run.id();
            assertEquals(RunStatus.INTERRUPTED, run.status());
            List<Metric> losses = workspace.metrics().series(runId, "loss");
            assertTrue(losses.size() >= killedAfterCheckpoint, "committed losses lost: " + losses.size());
            for (int i = 0; i < losses.size(); i++) {
                assertEquals(i + 1, losses.get(i).step());
                assertEquals(uninterrupted.get(i), losses.get(i).value(), 1e-5, "loss at step " + (i + 1));
            }
            for (Checkpoint checkpoint : workspace.checkpoints().list(runId)) {
                CheckpointFiles.verify(checkpoint.path(), checkpoint.sha256());
            }
        }

        CliRun resumed = ElmFixtures.ok("train", "--resume", Long.toString(runId), "-w", workspaceFolder.toString());
        assertTrue(resumed.out().contains("resumed at step"), resumed::toString);
        try (Workspace workspace = Workspace.openReadOnly(workspaceFolder)) {
            assertEquals(1, workspace.runs().list().size(), "resume must continue the same run");
            assertEquals(RunStatus.FINISHED, workspace.runs().get(runId).orElseThrow().status());
        }
        List<Double> losses = losses(workspaceFolder);
        assertEquals(STEPS, losses.size());
        for (int i = 0; i < STEPS; i++) {
            assertEquals(uninterrupted.get(i), losses.get(i), 1e-5, "loss at step " + (i + 1));
        }
    }

    private static List<Double> losses(Path workspaceFolder) {
        try (Workspace workspace = Workspace.openReadOnly(workspaceFolder)) {
            long id = workspace.runs().list().get(0).id();
            return workspace.metrics().series(id, "loss").stream().map(Metric::value).toList();
        }
    }

    /** Polls the workspace read-only, as the app would, until a checkpoint is recorded; then SIGKILLs the child. */
    private static long waitForCheckpointThenKill(Process child, Path workspaceFolder) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            assertTrue(child.isAlive(), "the child finished or died before a checkpoint was recorded");
            try (Workspace workspace = Workspace.openReadOnly(workspaceFolder)) {
                List<Run> runs = workspace.runs().list();
                if (!runs.isEmpty() && !workspace.checkpoints().list(runs.get(0).id()).isEmpty()) {
                    long step = workspace.checkpoints().latest(runs.get(0).id()).orElseThrow().step();
                    child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no flush
                    child.waitFor(30, TimeUnit.SECONDS);
                    assertTrue(step < STEPS, "the child finished before it could be killed");
                    return step;
                }
            }
            Thread.sleep(10);
        }
        child.destroyForcibly();
        throw new AssertionError("no checkpoint recorded within 120 s");
    }

    private static String[] arguments(Path workspaceFolder) {
        return new String[] {"train", "--dataset", "tiny", "--space", "vectors", "--stage1-steps",
                Integer.toString(STAGE_STEPS), "--stage2-steps", Integer.toString(STAGE_STEPS), "--batch", "4",
                "--checkpoint-interval", "10", "--width", "32", "--layers", "1", "--seed", "3",
                "-w", workspaceFolder.toString()};
    }

    private static List<String> javaCommand(String[] args) {
        return ChildJvm.command("dev.elmstudio.app.Main", args);
    }
}
