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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pretraining process killed with SIGKILL mid-run loses nothing it committed: the workspace opens cleanly, the
 * run is marked interrupted, its metrics and checkpoints are intact, and {@code --resume} continues the same run
 * with the losses an uninterrupted run has.
 */
class KilledPretrainTest {
    private static final int STEPS = 60;

    @TempDir
    Path folder;

    @Test
    void sigkillLosesNoCommittedDataAndResumeMatchesAnUninterruptedRun() throws Exception {
        Path corpus = folder.resolve("corpus.txt");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            text.append("the ").append(i % 11).append(" lighthouse keepers watched the grey sea.\n\n");
        }
        Files.writeString(corpus, text);

        List<Double> uninterrupted = lossesOf(runToEnd(corpus, folder.resolve("reference")));

        Path workspaceFolder = folder.resolve("ws");
        Path out = folder.resolve("killed");
        Process child = new ProcessBuilder(javaCommand(corpus, out, workspaceFolder, false))
                .redirectErrorStream(true).redirectOutput(folder.resolve("child.log").toFile()).start();
        long killedAfterCheckpoint = waitForCheckpointThenKill(child, workspaceFolder);

        try (Workspace workspace = Workspace.open(workspaceFolder)) { // a writer's open marks dead runs
            Run run = workspace.runs().list().get(0);
            assertEquals(RunStatus.INTERRUPTED, run.status());
            List<Metric> losses = workspace.metrics().series(run.id(), "loss");
            assertTrue(losses.size() >= killedAfterCheckpoint, "committed losses lost: " + losses.size());
            for (int i = 0; i < losses.size(); i++) {
                assertEquals(i + 1, losses.get(i).step());
                assertEquals(uninterrupted.get(i), losses.get(i).value(), 1e-5, "loss at step " + (i + 1));
            }
            for (Checkpoint checkpoint : workspace.checkpoints().list(run.id())) {
                CheckpointFiles.verify(checkpoint.path(), checkpoint.sha256());
            }
        }

        CliRun resumed = CliRun.execute(arguments(corpus, out, workspaceFolder, true));
        assertEquals(0, resumed.exitCode(), resumed::toString);
        try (Workspace workspace = Workspace.openReadOnly(workspaceFolder)) {
            assertEquals(1, workspace.runs().list().size(), "resume must continue the same run");
            Run run = workspace.runs().list().get(0);
            assertEquals(RunStatus.FINISHED, run.status());
            List<Double> losses = workspace.metrics().series(run.id(), "loss").stream().map(Metric::value).toList();
            assertEquals(STEPS, losses.size());
            for (int i = 0; i < STEPS; i++) {
                assertEquals(uninterrupted.get(i), losses.get(i), 1e-5, "loss at step " + (i + 1));
            }
        }
    }

    private List<Double> lossesOf(Path workspaceFolder) {
        try (Workspace workspace = Workspace.openReadOnly(workspaceFolder)) {
            long id = workspace.runs().list().get(0).id();
            return workspace.metrics().series(id, "loss").stream().map(Metric::value).toList();
        }
    }

    private Path runToEnd(Path corpus, Path base) {
        Path workspaceFolder = base.resolve("ws");
        CliRun run = CliRun.execute(arguments(corpus, base.resolve("out"), workspaceFolder, false));
        assertEquals(0, run.exitCode(), run::toString);
        return workspaceFolder;
    }

    /** Polls the workspace (read-only, as the app would) until a checkpoint is recorded, then SIGKILLs the child. */
    private static long waitForCheckpointThenKill(Process child, Path workspaceFolder) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            assertTrue(child.isAlive(), "the child finished or died before a checkpoint was recorded");
            if (Files.exists(workspaceFolder.resolve(Workspace.DATABASE_FILE))) {
                try (Workspace workspace = Workspace.openReadOnly(workspaceFolder)) {
                    List<Run> runs = workspace.runs().list();
                    if (!runs.isEmpty() && !workspace.checkpoints().list(runs.get(0).id()).isEmpty()) {
                        long step = workspace.checkpoints().latest(runs.get(0).id()).orElseThrow().step();
                        child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no flush
                        child.waitFor(30, TimeUnit.SECONDS);
                        assertTrue(step < STEPS, "the child finished before it could be killed");
                        return step;
                    }
                } catch (RuntimeException stillBeingCreated) {
                    // The schema may not exist yet in the first instants; poll again.
                }
            }
            Thread.sleep(20);
        }
        child.destroyForcibly();
        throw new AssertionError("no checkpoint recorded within 120 s");
    }

    private static String[] arguments(Path corpus, Path out, Path workspaceFolder, boolean resume) {
        List<String> args = new ArrayList<>(List.of("pretrain", "--corpus", corpus.toString(), "--out", out.toString(),
                "--vocab", "300", "--layers", "2", "--width", "64", "--heads", "4", "--context", "64", "--batch", "8",
                "--steps", String.valueOf(STEPS), "--warmup", "5", "--eval-interval", "0", "--checkpoint-interval", "10",
                "--seed", "4", "-w", workspaceFolder.toString()));
        if (resume) {
            args.add("--resume");
        }
        return args.toArray(String[]::new);
    }

    private static List<String> javaCommand(Path corpus, Path out, Path workspaceFolder, boolean resume) {
        return ChildJvm.command("dev.elmstudio.app.Main", arguments(corpus, out, workspaceFolder, resume));
    }
}
