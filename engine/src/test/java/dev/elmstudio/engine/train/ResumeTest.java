package dev.elmstudio.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import dev.elmstudio.engine.lm.CausalLm;
import dev.elmstudio.engine.train.TrainingEvent.CheckpointEvent;
import dev.elmstudio.engine.train.TrainingEvent.StepEvent;
import dev.elmstudio.engine.train.TrainingEvent.ValidationEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResumeTest {

    private static final int STEPS = 10;
    private static final int STOP_AT = 5;

    @TempDir
    Path workspace;

    private PretrainConfig config(Path checkpoints) {
        return TinyRuns.config(STEPS).optEvalInterval(STOP_AT).optEvalBatches(2).optCheckpointInterval(STOP_AT)
                .optCheckpointDir(checkpoints).build();
    }

    @Test
    void resumedRunContinuesWithTheUninterruptedRunsLosses() throws Exception {
        TinyRuns.Recorder uninterrupted = new TinyRuns.Recorder();
        try (CausalLm model = TinyRuns.model();
                Pretrainer trainer = new Pretrainer(model, TinyRuns.data(), config(null))) {
            trainer.run(uninterrupted, new TrainingControl());
        }

        Path checkpoints = workspace.resolve("checkpoints");
        TrainingControl control = new TrainingControl();
        try (CausalLm model = TinyRuns.model();
                Pretrainer trainer = new Pretrainer(model, TinyRuns.data(), config(checkpoints))) {
            TrainingResult stopped = trainer.run(event -> {
                if (event instanceof CheckpointEvent) {
                    control.cancel(); // as if the app had been closed right after the checkpoint
                }
            }, control);
            assertTrue(stopped.cancelled());
            assertEquals(STOP_AT, stopped.completedSteps());
        }

        Path saved = Pretrainer.latestCheckpoint(checkpoints).orElseThrow();
        assertEquals("step-00000005", saved.getFileName().toString());
        TinyRuns.Recorder resumed = new TinyRuns.Recorder();
        try (Pretrainer trainer = Pretrainer.resume(saved, TinyRuns.data(), Device.cpu())) {
            assertEquals(STOP_AT, trainer.completedSteps());
            trainer.run(resumed, new TrainingControl());
        }

        List<StepEvent> expected = uninterrupted.ofType(StepEvent.class).subList(STOP_AT, STEPS);
        List<StepEvent> actual = resumed.ofType(StepEvent.class);
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).step(), actual.get(i).step());
            assertEquals(expected.get(i).learningRate(), actual.get(i).learningRate(), 1e-15);
            assertEquals(expected.get(i).loss(), actual.get(i).loss(), 1e-5, "loss at step " + actual.get(i).step());
        }
        double expectedValidation = uninterrupted.ofType(ValidationEvent.class).get(1).loss();
        assertEquals(expectedValidation, resumed.ofType(ValidationEvent.class).get(0).loss(), 1e-5);
    }

    /**
     * Loaded weights and moments must own their memory: in DJL 0.33 {@code toDevice(sameDevice, true)}
     * returns an alias, and arrays read from files may sit on Java direct buffers that a garbage
     * collection frees once their wrapper is gone.
     */
    @Test
    void resumedWeightsAndMomentsSurviveGarbageCollection() throws Exception {
        Path checkpoints = workspace.resolve("gc");
        Map<String, float[]> savedWeights = new LinkedHashMap<>();
        Map<String, float[]> savedMoments = new LinkedHashMap<>();
        try (CausalLm model = TinyRuns.model();
                Pretrainer trainer = new Pretrainer(model, TinyRuns.data(), TinyRuns.config(2, checkpoints))) {
            trainer.run(TrainingListener.NONE, new TrainingControl());
            model.parameters().forEach((name, array) -> savedWeights.put(name, array.toFloatArray()));
            trainer.optimizer().exportState().forEach((name, array) -> savedMoments.put(name, array.toFloatArray()));
        }
        try (Pretrainer resumed = Pretrainer.resume(checkpoints.resolve("step-00000002"), TinyRuns.data(),
                Device.cpu())) {
            for (int i = 0; i < 3; i++) {
                System.gc();
                Thread.sleep(20);
            }
            try (NDManager junk = NDManager.newBaseManager(Device.cpu())) {
                for (float[] weights : savedWeights.values()) { // same sizes, to reuse any freed buffer
                    float[] garbage = new float[weights.length];
                    Arrays.fill(garbage, 1234.5f);
                    junk.create(garbage);
                }
                resumed.model().parameters().forEach((name, array) ->
                        assertArrayEquals(savedWeights.get(name), array.toFloatArray(), "weight " + name));
                resumed.optimizer().exportState().forEach((name, array) ->
                        assertArrayEquals(savedMoments.get(name), array.toFloatArray(), "moment " + name));
            }
        }
    }

    @Test
    void checkpointFolderHoldsModelOptimizerAndManifestAndNoTemporaries() throws Exception {
        Path checkpoints = workspace.resolve("ckpt");
        PretrainConfig config = TinyRuns.config(2).optCheckpointDir(checkpoints).build();
        try (CausalLm model = TinyRuns.model(); Pretrainer trainer = new Pretrainer(model, TinyRuns.data(), config)) {
            trainer.run(TrainingListener.NONE, new TrainingControl());
        }
        try (Stream<Path> children = Files.list(checkpoints)) {
            assertEquals(List.of("step-00000002"), children.map(p -> p.getFileName().toString()).toList(),
                    "only the final checkpoint (interval 0) and no leftover temporary folders");
        }
        Path folder = checkpoints.resolve("step-00000002");
        assertTrue(Files.isRegularFile(folder.resolve(TrainingCheckpoint.OPTIMIZER_FILE)));
        CheckpointManifest manifest = TrainingCheckpoint.readManifest(folder);
        assertEquals(2, manifest.step());
        assertEquals(2, manifest.optimizerSteps());
        assertEquals(config, manifest.config());
        assertEquals(TinyRuns.data().fingerprint(), Long.parseUnsignedLong(manifest.dataFingerprint(), 16));
    }

    @Test
    void resumeRefusesDifferentData() throws Exception {
        Path checkpoints = workspace.resolve("other");
        try (CausalLm model = TinyRuns.model();
                Pretrainer trainer = new Pretrainer(model, TinyRuns.data(), TinyRuns.config(1, checkpoints))) {
            trainer.run(TrainingListener.NONE, new TrainingControl());
        }
        TokenBlockDataset other = new TokenBlockDataset(TinyRuns.corpus(61), TinyRuns.CONTEXT, 0.1, 5);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Pretrainer.resume(checkpoints.resolve("step-00000001"), other, Device.cpu()));
        assertTrue(refused.getMessage().contains("other data"), refused.getMessage());
    }

    @Test
    void manifestRejectsForeignJson() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> CheckpointManifest.fromJson("{\"format\": \"something-else\", \"version\": 1}", "x.json"));
        assertTrue(refused.getMessage().startsWith("x.json"), refused.getMessage());
    }
}
