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
}
