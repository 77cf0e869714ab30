package dev.elmstudio.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunRepositoryTest {

    @TempDir
    Path folder;

    @Test
    void createdRunsAreListedNewestFirstWithTheirFields() {
        try (Workspace workspace = Workspace.openOrCreate(folder)) {
            Run pretrain = workspace.runs().create(RunKind.PRETRAIN, "base", "{\"layers\":2}", null);
            Run elm = workspace.runs().create(RunKind.ELM, "movies", "{}", 1);

            List<Run> runs = workspace.runs().list();
            assertEquals(List.of(elm.id(), pretrain.id()), runs.stream().map(Run::id).toList());
            Run read = workspace.runs().get(pretrain.id()).orElseThrow();
            assertEquals(pretrain, read);
            assertEquals(RunStatus.RUNNING, read.status());
            assertNull(read.stage());
        }
    }

    @Test
    void statusAndStageUpdatesAreStored() {
        try (Workspace workspace = Workspace.openOrCreate(folder)) {
            long id = workspace.runs().create(RunKind.ELM, "movies", "{}", 1).id();
            workspace.runs().updateStage(id, 2);
            workspace.runs().updateStatus(id, RunStatus.CANCELLED);

            Run run = workspace.runs().get(id).orElseThrow();
            assertEquals(2, run.stage());
            assertEquals(RunStatus.CANCELLED, run.status());
            assertTrue(!run.updatedAt().isBefore(run.createdAt()));
        }
    }

    @Test
    void updatingAnUnknownRunFailsWithItsId() {
        try (Workspace workspace = Workspace.openOrCreate(folder)) {
            assertTrue(workspace.runs().get(7).isEmpty());
            StorageException e = assertThrows(StorageException.class,
                    () -> workspace.runs().updateStatus(7, RunStatus.FINISHED));
            assertTrue(e.getMessage().contains("Run 7 does not exist"), e.getMessage());
        }
    }

    @Test
    void deletingARunRemovesItsMetricsAndCheckpointsAndUnlinksEvaluationsAndGenerations() throws Exception {
        try (Workspace workspace = Workspace.openOrCreate(folder)) {
            long kept = workspace.runs().create(RunKind.ELM, "kept", "{}", 1).id();
            long gone = workspace.runs().create(RunKind.ELM, "gone", "{}", 1).id();
            for (long id : List.of(kept, gone)) {
                workspace.metrics().append(id, List.of(new Metric(1, "loss", 2.0), new Metric(2, "loss", 1.5)));
                java.nio.file.Path weights = java.nio.file.Files.createDirectories(
                        workspace.checkpointsFolder().resolve("run-" + id)).resolve("weights.safetensors");
                java.nio.file.Files.writeString(weights, "w" + id);
                workspace.checkpoints().record(id, 1, 2, weights);
                workspace.runs().updateStatus(id, RunStatus.FINISHED);
            }
            long evalId = workspace.evals().create(gone, "eval", "{}").id();
            workspace.generations().create(gone, null, "{}", "text");

            workspace.runs().delete(gone);

            assertTrue(workspace.runs().get(gone).isEmpty());
            assertTrue(workspace.metrics().series(gone, "loss").isEmpty());
            assertTrue(workspace.checkpoints().list(gone).isEmpty());
            assertNull(workspace.evals().get(evalId).orElseThrow().runId(), "the evaluation stays, without its run");
            assertTrue(workspace.generations().listForRun(gone).isEmpty());
            assertEquals(2, workspace.metrics().series(kept, "loss").size(), "the other run keeps its rows");
            assertEquals(1, workspace.checkpoints().list(kept).size());
        }
    }

    @Test
    void aRunningOrUnknownRunIsNotDeleted() {
        try (Workspace workspace = Workspace.openOrCreate(folder)) {
            long id = workspace.runs().create(RunKind.PRETRAIN, "live", "{}", null).id();
            StorageException running = assertThrows(StorageException.class, () -> workspace.runs().delete(id));
            assertTrue(running.getMessage().contains("Run " + id + " is running"), running.getMessage());
            assertTrue(workspace.runs().get(id).isPresent());
            StorageException unknown = assertThrows(StorageException.class, () -> workspace.runs().delete(99));
            assertTrue(unknown.getMessage().contains("Run 99 does not exist"), unknown.getMessage());
        }
    }
}
