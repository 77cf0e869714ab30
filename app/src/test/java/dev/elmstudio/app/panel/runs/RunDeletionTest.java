package dev.elmstudio.app.panel.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.elmstudio.app.task.DirectTaskRunner;
import dev.elmstudio.app.testing.RecordingDialogs;
import dev.elmstudio.storage.Metric;
import dev.elmstudio.storage.RunKind;
import dev.elmstudio.storage.RunStatus;
import dev.elmstudio.storage.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deleting from the Runs panel: rows and files of the run go, everything else stays, a running run is refused. */
class RunDeletionTest {

    @TempDir
    Path temp;

    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final RunsViewModel model = new RunsViewModel(new DirectTaskRunner(), dialogs);

    @Test
    void anElmAndAPretrainingRunLoseTheirRowsAndWorkspaceFilesButNotOutsideOnes() throws Exception {
        Path folder = temp.resolve("ws");
        Path outside = Files.createDirectories(temp.resolve("elsewhere/pretrain-out"));
        long elm;
        long pretrain;
        long foreign;
        long kept;
        try (Workspace workspace = Workspace.openOrCreate(folder)) {
            elm = finishedRun(workspace, RunKind.ELM, "{}", workspace.checkpointsFolder().resolve("run-1/steps/step-00000002"));
            Path out = workspace.checkpointsFolder().resolve("pretrain-x");
            pretrain = finishedRun(workspace, RunKind.PRETRAIN, "{\"out\":\"" + out + "\"}", out.resolve("checkpoints/step-2"));
            foreign = finishedRun(workspace, RunKind.PRETRAIN, "{\"out\":\"" + outside + "\"}", outside.resolve("step-2"));
            kept = finishedRun(workspace, RunKind.ELM, "{}", workspace.checkpointsFolder().resolve("run-4/steps/step-00000002"));
        }
        model.workspaceProperty().set(folder);
        assertEquals(4, model.runs().size());
        assertTrue(model.deleteQuestion(model.runs().get(0)).contains("This cannot be undone"));

        model.deleteRun(elm);
        model.deleteRun(pretrain);
        model.deleteRun(foreign);

        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
        assertEquals(List.of(kept), model.runs().stream().map(r -> r.id()).toList());
        assertFalse(Files.exists(folder.resolve("checkpoints/run-1")));
        assertFalse(Files.exists(folder.resolve("checkpoints/pretrain-x")));
        assertTrue(Files.isDirectory(folder.resolve("checkpoints/run-4")), "another run's files stay");
        assertTrue(Files.isDirectory(outside.resolve("step-2")), "files outside the workspace are never deleted");
        assertTrue(model.messageProperty().get().contains("left outside the workspace: [" + outside + "]"),
                model.messageProperty().get());
        try (Workspace read = Workspace.openReadOnly(folder)) {
            for (long id : List.of(elm, pretrain, foreign)) {
                assertTrue(read.runs().get(id).isEmpty());
                assertTrue(read.metrics().series(id, "loss").isEmpty());
                assertTrue(read.checkpoints().list(id).isEmpty());
            }
            assertEquals(1, read.checkpoints().list(kept).size());
            assertEquals(2, read.metrics().series(kept, "loss").size());
        }
    }

    @Test
    void aRunningRunIsRefusedAndKeepsEverything() throws Exception {
        Path folder = temp.resolve("ws");
        long running;
        try (Workspace workspace = Workspace.openOrCreate(folder)) {
            running = finishedRun(workspace, RunKind.ELM, "{}", workspace.checkpointsFolder().resolve("run-1/steps/s"));
        }
        // A run the view still shows as running (its trainer writes it): the model refuses before any work.
        model.workspaceProperty().set(folder);
        try (Workspace workspace = Workspace.openOrCreate(folder)) {
            workspace.runs().updateStatus(running, RunStatus.RUNNING);
        }
        model.refresh();
        assertEquals(RunStatus.RUNNING, model.runs().get(0).status());

        model.deleteRun(running);

        assertEquals("Run " + running + " is running: cancel it, or let it finish, before deleting it.",
                model.messageProperty().get());
        assertTrue(Files.isDirectory(folder.resolve("checkpoints/run-1")));
        try (Workspace read = Workspace.openReadOnly(folder)) {
            assertTrue(read.runs().get(running).isPresent());
        }
    }

    /** A finished run with two losses and one checkpoint whose weights file lies in {@code checkpoint}. */
    private static long finishedRun(Workspace workspace, RunKind kind, String config, Path checkpoint) throws Exception {
        long id = workspace.runs().create(kind, kind.dbValue(), config, kind == RunKind.ELM ? 1 : null).id();
        workspace.metrics().append(id, List.of(new Metric(1, "loss", 3.0), new Metric(2, "loss", 2.0)));
        Path weights = Files.createDirectories(checkpoint).resolve("weights.safetensors");
        Files.writeString(weights, "weights of run " + id);
        workspace.checkpoints().record(id, kind == RunKind.ELM ? 1 : null, 2, weights);
        workspace.runs().updateStatus(id, RunStatus.FINISHED);
        return id;
    }
}
