package dev.elmstudio.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import dev.elmstudio.engine.lm.CausalLm;
import dev.elmstudio.engine.lm.LmConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The memory levers change how an update is computed, not what it computes: micro-batches (gradient accumulation)
 * and activation checkpointing (per-block recompute in backward) train the same weights as the plain run.
 */
class MemoryOptionsTest {
    private static final int STEPS = 6;

    @Test
    void microBatchesAndCheckpointingTrainTheSameModelAsThePlainRun() throws Exception {
        for (LmConfig shape : new LmConfig[] {LmConfig.gpt2(TinyRuns.VOCAB, 32, 2, 2, TinyRuns.CONTEXT),
                LmConfig.llama(TinyRuns.VOCAB, 32, 2, 4, 2, 64, TinyRuns.CONTEXT)}) {
            Run plain = train(shape, ComputeOptions.DEFAULT);
            for (ComputeOptions options : List.of(ComputeOptions.DEFAULT.withMicroBatches(4),
                    ComputeOptions.DEFAULT.withCheckpointActivations(true),
                    ComputeOptions.DEFAULT.withMicroBatches(2).withCheckpointActivations(true))) {
                Run other = train(shape, options);
                for (int i = 0; i < STEPS; i++) {
                    assertEquals(plain.losses.get(i), other.losses.get(i), 1e-5,
                            shape.architecture() + " " + options + ": loss of update " + (i + 1));
                }
                double diff = 0;
                for (String name : plain.weights.keySet()) {
                    float[] a = plain.weights.get(name);
                    float[] b = other.weights.get(name);
                    for (int j = 0; j < a.length; j++) {
                        diff = Math.max(diff, Math.abs(a[j] - b[j]));
                    }
                }
                assertTrue(diff < 1e-4, shape.architecture() + " " + options + ": weights differ by " + diff);
            }
        }
    }

    private record Run(List<Double> losses, Map<String, float[]> weights) {}

    private static Run train(LmConfig shape, ComputeOptions options) throws Exception {
        TinyRuns.Recorder recorder = new TinyRuns.Recorder();
        try (CausalLm model = new CausalLm(shape, Device.cpu(), TinyRuns.MODEL_SEED);
                Pretrainer trainer = new Pretrainer(model, TinyRuns.data(),
                        TinyRuns.config(STEPS).optCompute(options).build())) {
            trainer.run(recorder, new TrainingControl());
            Map<String, float[]> weights = new java.util.LinkedHashMap<>();
            model.parameters().forEach((name, array) -> weights.put(name, array.toFloatArray()));
            return new Run(recorder.losses(), weights);
        }
    }

    @Test
    void noArrayOutlivesItsStepWithEveryLeverOn() throws Exception {
        ComputeOptions all = new ComputeOptions(Precision.FP16, 2, true, 0);
        for (LmConfig shape : new LmConfig[] {LmConfig.gpt2(TinyRuns.VOCAB, 32, 2, 2, TinyRuns.CONTEXT),
                LmConfig.llama(TinyRuns.VOCAB, 32, 2, 4, 2, 64, TinyRuns.CONTEXT)}) {
            List<MemorySample> samples = new java.util.ArrayList<>();
            try (CausalLm model = new CausalLm(shape, Device.cpu(), TinyRuns.MODEL_SEED);
                    Pretrainer trainer = new Pretrainer(model, TinyRuns.data(),
                            TinyRuns.config(6).optCompute(all).build())) {
                trainer.run(event -> {
                    if (event instanceof TrainingEvent.StepEvent) {
                        samples.add(MemorySample.of(trainer));
                    }
                }, new TrainingControl());
            }
            assertEquals(samples.get(0).modelArrays(), samples.get(samples.size() - 1).modelArrays(),
                    shape.architecture() + ": arrays left in the model's manager grew: " + samples);
        }
    }

    @Test
    void microBatchesMustDivideTheBatch() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TinyRuns.config(2).optCompute(ComputeOptions.DEFAULT.withMicroBatches(3)).build());
        assertTrue(e.getMessage().contains("batch size 8 is not divisible into 3 micro-batches"), e.getMessage());
    }

    @Test
    void estimateCountsWhatALevelerSaves() {
        LmConfig gpt2Small = LmConfig.gpt2(50257, 768, 12, 12, 1024);
        long params = gpt2Small.parameterCount();
        MemoryEstimate full = MemoryEstimate.of(gpt2Small, params, 0, 8, 1024, ComputeOptions.DEFAULT);
        assertEquals(4 * params, full.weightBytes());
        assertEquals(4 * params, full.gradientBytes());
        assertEquals(8 * params, full.optimizerBytes());
        MemoryEstimate micro = MemoryEstimate.of(gpt2Small, params, 0, 8, 1024,
                ComputeOptions.DEFAULT.withMicroBatches(4));
        assertEquals(full.activationBytes() / 4, micro.activationBytes());
        MemoryEstimate recompute = MemoryEstimate.of(gpt2Small, params, 0, 8, 1024,
                ComputeOptions.DEFAULT.withCheckpointActivations(true));
        assertTrue(recompute.activationBytes() < full.activationBytes() / 4, recompute.summary());
        MemoryEstimate half = MemoryEstimate.of(gpt2Small, params, 0, 8, 1024,
                ComputeOptions.DEFAULT.withPrecision(Precision.FP16));
        assertTrue(half.activationBytes() < full.activationBytes(), half.summary());
        MemoryEstimate lora = MemoryEstimate.of(gpt2Small, 1_000_000, 1_000_000, 8, 1024, ComputeOptions.DEFAULT);
        assertEquals(12_000_000, lora.gradientBytes() + lora.optimizerBytes());
        assertTrue(full.summary().contains("GiB total"), full.summary());
    }
}
