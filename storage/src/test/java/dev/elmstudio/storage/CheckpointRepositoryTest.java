package dev.elmstudio.storage;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointRepositoryTest {

    /** SHA-256 of the three ASCII bytes "abc" (FIPS 180-2 test vector). */
    private static final String SHA256_OF_ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @TempDir
    Path folder;

    @Test
    void sha256MatchesTheStandardTestVector() throws Exception {
        Path file = Files.writeString(folder.resolve("abc.bin"), "abc", StandardCharsets.US_ASCII);
        assertEquals(SHA256_OF_ABC, CheckpointFiles.sha256(file));
    }

    @Test
    void recordStoresSizeAndChecksumAndLatestIsTheLargestStep() throws Exception {
        try (Workspace workspace = Workspace.openOrCreate(folder)) {
            long runId = workspace.runs().create(RunKind.ELM, "movies", "{}", 1).id();
            Path early = Files.writeString(workspace.checkpointsFolder().resolve("step-100.safetensors"), "abc");
            Path late = Files.writeString(workspace.checkpointsFolder().resolve("step-200.safetensors"), "abcd");
            workspace.checkpoints().record(runId, 1, 100, early);
            workspace.checkpoints().record(runId, 2, 200, late);

            List<Checkpoint> all = workspace.checkpoints().list(runId);
            assertEquals(2, all.size());
            assertEquals(SHA256_OF_ABC, all.get(0).sha256());
            assertEquals(3, all.get(0).sizeBytes());
            assertEquals(early.toAbsolutePath().normalize(), all.get(0).path());
            Checkpoint latest = workspace.checkpoints().latest(runId).orElseThrow();
            assertEquals(200, latest.step());
            assertEquals(2, latest.stage());
            assertDoesNotThrow(() -> CheckpointFiles.verify(latest));
        }
    }

    @Test
    void checkpointPathsInsideTheWorkspaceSurviveMovingIt() throws Exception {
        Path original = folder.resolve("before");
        try (Workspace workspace = Workspace.openOrCreate(original)) {
            long runId = workspace.runs().create(RunKind.PRETRAIN, "tiny", "{}", null).id();
            Path file = Files.writeString(workspace.checkpointsFolder().resolve("last.safetensors"), "abc");
            workspace.checkpoints().record(runId, null, 1, file);
        }
        Path moved = Files.move(original, folder.resolve("after"));
        try (Workspace workspace = Workspace.open(moved)) {
            Checkpoint checkpoint = workspace.checkpoints().latest(1).orElseThrow();
            assertEquals(moved.resolve("checkpoints/last.safetensors").toAbsolutePath().normalize(), checkpoint.path());
            assertDoesNotThrow(() -> CheckpointFiles.verify(checkpoint));
        }
    }

    @Test
    void aChangedCheckpointFileIsRefusedByName() throws Exception {
        try (Workspace workspace = Workspace.openOrCreate(folder)) {
            long runId = workspace.runs().create(RunKind.PRETRAIN, "tiny", "{}", null).id();
            Path file = Files.writeString(workspace.checkpointsFolder().resolve("step-1.safetensors"), "abc");
            Checkpoint recorded = workspace.checkpoints().record(runId, null, 1, file);

            Files.writeString(file, "abd"); // same size, one byte different

            StorageException e = assertThrows(StorageException.class, () -> CheckpointFiles.verify(recorded));
            assertTrue(e.getMessage().contains(file.toAbsolutePath().normalize().toString()), e.getMessage());
            assertTrue(e.getMessage().contains("expected " + SHA256_OF_ABC), e.getMessage());
        }
    }

    @Test
    void aMissingCheckpointFileIsRefusedByName() {
        Path gone = folder.resolve("gone.safetensors");
        StorageException e = assertThrows(StorageException.class, () -> CheckpointFiles.verify(gone, SHA256_OF_ABC));
        assertTrue(e.getMessage().contains(gone + " is missing"), e.getMessage());
    }
}
