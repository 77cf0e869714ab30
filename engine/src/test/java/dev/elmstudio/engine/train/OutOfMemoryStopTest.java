package dev.elmstudio.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.EngineException;
import dev.elmstudio.engine.lm.CausalLm;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Out of memory mid-run: the trainer keeps what it had, says how to fit, and a resume continues as if nothing had
 * happened. The failure is a real exception of the engine's type thrown at update k by a test hook (no GPU here).
 */
class OutOfMemoryStopTest {
    private static final int STEPS = 8;
    private static final int FAIL_AT = 6;
    private static final String CUDA_OOM = "CUDA out of memory. Tried to allocate 2.00 GiB (GPU 0; 23.65 GiB total"
            + " capacity; 21.10 GiB already allocated)";

    @TempDir
    Path dir;

    @Test
    void cudaOutOfMemorySavesTheLastCompletedUpdateAndResumesExactly() throws Exception {
        TinyRuns.Recorder uninterrupted = new TinyRuns.Recorder();
        try (CausalLm model = TinyRuns.model();
                Pretrainer trainer = new Pretrainer(model, TinyRuns.data(), config(dir.resolve("a")))) {
            trainer.run(uninterrupted, new TrainingControl());
        }

        Path checkpoints = dir.resolve("b");
        TinyRuns.Recorder beforeFailure = new TinyRuns.Recorder();
        TrainingOutOfMemoryException stop;
        try (CausalLm model = TinyRuns.model();
                Pretrainer trainer = new Pretrainer(model, TinyRuns.data(), config(checkpoints))
                        .withFaultInjector(step -> {
                            if (step == FAIL_AT) {
                                throw new EngineException(CUDA_OOM);
                            }
                        })) {
            stop = assertThrows(TrainingOutOfMemoryException.class,
                    () -> trainer.run(beforeFailure, new TrainingControl()));
        }
        assertEquals(FAIL_AT - 1, stop.completedSteps());
        assertEquals(checkpoints.resolve("step-00000005"), stop.checkpoint(),
                "the state after the last completed update is saved although the interval is 4");
        String message = stop.getMessage();
        assertTrue(message.startsWith("out of memory at update 6: CUDA out of memory."), message);
        assertTrue(message.contains("resumable from " + checkpoints.resolve("step-00000005")), message);
        assertTrue(message.contains("--micro-batches 2"), message);
        assertTrue(message.contains("smaller --batch (4 instead of 8)"), message);
        assertTrue(message.contains("--checkpoint-activations"), message);
        assertTrue(message.contains("shorter context"), message);
        assertTrue(message.contains("--precision fp16"), message);
        assertTrue(message.contains("estimated need: "), message);

        try (Pretrainer resumed = Pretrainer.resume(stop.checkpoint(), TinyRuns.data(), Device.cpu())) {
            TinyRuns.Recorder rest = new TinyRuns.Recorder();
            resumed.run(rest, new TrainingControl());
            assertEquals(uninterrupted.losses().subList(FAIL_AT - 1, STEPS), rest.losses(),
                    "the failed batch is trained again, nothing skipped or repeated");
        }
    }

    @Test
    void javaOutOfMemoryIsHandledAlikeAndOtherFailuresPassThrough() throws Exception {
        try (CausalLm model = TinyRuns.model();
                Pretrainer trainer = new Pretrainer(model, TinyRuns.data(), config(dir.resolve("c")))
                        .withFaultInjector(step -> {
                            if (step == 2) {
                                throw new OutOfMemoryError("Java heap space");
                            }
                        })) {
            TrainingOutOfMemoryException stop = assertThrows(TrainingOutOfMemoryException.class,
                    () -> trainer.run(event -> { }, new TrainingControl()));
            assertTrue(stop.getMessage().startsWith("out of memory at update 2: Java heap space"), stop.getMessage());
            assertTrue(stop.getCause() instanceof OutOfMemoryError);
        }
        IllegalStateException other = new IllegalStateException("shape mismatch");
        try (CausalLm model = TinyRuns.model();
                Pretrainer trainer = new Pretrainer(model, TinyRuns.data(), config(dir.resolve("d")))
                        .withFaultInjector(step -> {
                            throw other;
                        })) {
            assertSame(other, assertThrows(IllegalStateException.class,
                    () -> trainer.run(event -> { }, new TrainingControl())));
        }
    }

    private static PretrainConfig config(Path checkpoints) {
        return TinyRuns.config(STEPS).optCheckpointInterval(4).optCheckpointDir(checkpoints).build();
    }
}
