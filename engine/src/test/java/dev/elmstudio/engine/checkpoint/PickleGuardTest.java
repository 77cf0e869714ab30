package dev.elmstudio.engine.checkpoint;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PickleGuardTest {
    /** What a pickle starts with; the guard must refuse before reading even this. */
    private static final byte[] PICKLE_PROTOCOL_2 = {(byte) 0x80, 0x02, '}', 'q', 0x00, '.'};

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"pytorch_model.bin", "model.pt", "weights.pth", "state.pkl", "last.ckpt", "MODEL.PT"})
    void pickleFilesAreRefusedByNameWithTheReason(String fileName) throws IOException {
        Path file = Files.write(dir.resolve(fileName), PICKLE_PROTOCOL_2);

        CheckpointException e = assertThrows(CheckpointException.class, () -> SafeTensors.open(file));

        assertExplainsRefusal(e, file);
    }

    @Test
    void pickleFilePassedAsTheModelFolderIsRefused() throws IOException {
        Path file = Files.write(dir.resolve("pytorch_model.bin"), PICKLE_PROTOCOL_2);

        CheckpointException e = assertThrows(CheckpointException.class, () -> LmCheckpoint.load(file, Device.cpu()));

        assertExplainsRefusal(e, file);
    }

    @Test
    void folderWithOnlyPytorchModelBinIsRefusedNamingTheFile() throws IOException {
        Files.writeString(dir.resolve("config.json"), "{\"model_type\": \"gpt2\"}");
        Path bin = Files.write(dir.resolve("pytorch_model.bin"), PICKLE_PROTOCOL_2);

        CheckpointException e = assertThrows(CheckpointException.class, () -> LmCheckpoint.load(dir, Device.cpu()));

        assertExplainsRefusal(e, bin);
    }

    @Test
    void shardedPickleIndexIsRefused() throws IOException {
        Path index = Files.writeString(dir.resolve("pytorch_model.bin.index.json"), "{\"weight_map\": {}}");

        CheckpointException e = assertThrows(CheckpointException.class, () -> PickleGuard.refuseIfOnlyPickleWeights(dir));

        assertExplainsRefusal(e, index);
    }

    @Test
    void folderWithSafetensorsBesidePickleIsAccepted() throws IOException {
        Files.write(dir.resolve("pytorch_model.bin"), PICKLE_PROTOCOL_2);
        Files.write(dir.resolve("model.safetensors"), new byte[0]);

        assertDoesNotThrow(() -> PickleGuard.refuseIfOnlyPickleWeights(dir));
    }

    private static void assertExplainsRefusal(CheckpointException e, Path file) {
        String message = e.getMessage();
        assertTrue(message.startsWith(file.toString()), "names the file: " + message);
        assertTrue(message.contains("can run arbitrary code"), "says why: " + message);
        assertTrue(message.contains("convert to safetensors"), "says what to do: " + message);
    }
}
