package dev.elmstudio.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import dev.elmstudio.engine.lm.CausalLm;
import dev.elmstudio.engine.lm.LmConfig;
import dev.elmstudio.engine.lm.Losses;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * fp16 mixed precision on the CPU (libtorch 2.5 runs fp16 matmul, GELU, SiLU and their backward there): fp32
 * master weights and moments, fp16 blocks, dynamic loss scaling.
 */
class MixedPrecisionTest {
    private static final ComputeOptions FP16 = ComputeOptions.DEFAULT.withPrecision(Precision.FP16);

    @TempDir
    Path dir;

    @Test
    void lossFallsInFp16AndTheWeightsStayFp32() throws Exception {
        for (LmConfig shape : new LmConfig[] {LmConfig.gpt2(TinyRuns.VOCAB, 32, 2, 2, TinyRuns.CONTEXT),
                LmConfig.llama(TinyRuns.VOCAB, 32, 2, 4, 2, 64, TinyRuns.CONTEXT)}) {
            TinyRuns.Recorder recorder = new TinyRuns.Recorder();
            try (CausalLm model = new CausalLm(shape, Device.cpu(), TinyRuns.MODEL_SEED);
                    Pretrainer trainer = new Pretrainer(model, TinyRuns.data(),
                            TinyRuns.config(40).optCompute(FP16).build())) {
                trainer.run(recorder, new TrainingControl());
                model.parameters().values().forEach(p -> assertEquals(DataType.FLOAT32, p.getDataType()));
                assertEquals(DataType.FLOAT32, model.computeType(), "generation after training runs in fp32");
            }
            List<Double> losses = recorder.losses();
            double first = losses.get(0);
            double last = losses.get(losses.size() - 1);
            assertTrue(last < 0.5 * first, shape.architecture() + ": fp16 loss went from " + first + " to " + last);
        }
    }

    @Test
    void fp16GradientsAreCloseToFp32Gradients() throws Exception {
        float[] fp32 = gradientOfFirstBatch(ComputeOptions.DEFAULT);
        float[] fp16 = gradientOfFirstBatch(FP16);
        assertFalse(java.util.Arrays.equals(fp32, fp16), "the fp16 pass must really compute in fp16");
        double dot = 0;
        double a = 0;
        double b = 0;
        for (int i = 0; i < fp32.length; i++) {
            dot += fp32[i] * fp16[i];
            a += fp32[i] * fp32[i];
            b += fp16[i] * fp16[i];
        }
        double cosine = dot / Math.sqrt(a * b);
        assertTrue(cosine > 0.999, "fp16 and fp32 gradients point the same way: cosine " + cosine);
        assertEquals(1.0, Math.sqrt(b / a), 0.01, "and have the same size");
    }

    /** The first block's MLP weight gradient after one micro-batch (unscaled). */
    private static float[] gradientOfFirstBatch(ComputeOptions options) {
        try (CausalLm model = TinyRuns.model()) {
            model.setTrainable(name -> true);
            UpdateStep step = new UpdateStep(model, options, options.newLossScaler());
            TokenBatch batch = TinyRuns.data().nextTrainBatch(8);
            try (var manager = model.manager().newSubManager();
                    var collector = ai.djl.engine.Engine.getInstance().newGradientCollector()) {
                model.setComputeType(options.precision().computeType());
                NDArray targets = batch.targets(manager);
                float scale = (float) step.scaler().scale();
                dev.elmstudio.engine.lm.TrainingBackward.run(model, model.embedTokens(batch.inputs(manager)), null,
                        logits -> Losses.crossEntropy(logits, targets, null), scale, false);
                NDArray gradient = model.parameters().get("transformer.h.0.mlp.c_fc.weight").getGradient();
                float[] values = gradient.toFloatArray();
                for (int i = 0; i < values.length; i++) {
                    values[i] /= scale;
                }
                return values;
            } finally {
                model.setComputeType(DataType.FLOAT32);
            }
        }
    }

    @Test
    void overflowingScaleSkipsTheUpdateAndHalvesThenCleanStepsGrowIt() {
        try (CausalLm model = TinyRuns.model()) {
            model.setTrainable(name -> true);
            AdamW optimizer = new AdamW(model.parameters(), model.manager(), 0.9, 0.95, 1e-8, 0.1);
            TokenBlockDataset data = TinyRuns.data();
            // 2^40 times the loss gradient is far beyond fp16's 65504: a real overflow in the fp16 backward.
            LossScaler scaler = LossScaler.dynamic(Math.pow(2, 40), 2);
            UpdateStep step = new UpdateStep(model, FP16, scaler);
            float[] before = model.parameters().get("transformer.h.0.mlp.c_fc.weight").toFloatArray();

            UpdateStep.Outcome overflow = step.run(micro(model, data.nextTrainBatch(8)), optimizer, 1e-2, 1.0,
                    model.manager());

            assertTrue(overflow.skipped());
            assertFalse(Double.isFinite(overflow.gradientNorm()));
            assertEquals(Math.pow(2, 39), scaler.scale());
            assertEquals(0, optimizer.stepCount(), "a skipped update does not count for AdamW's bias correction");
            assertArrayEquals(before, model.parameters().get("transformer.h.0.mlp.c_fc.weight").toFloatArray(),
                    "the weights are untouched");

            scaler.restore(256, 0);
            for (int i = 0; i < 2; i++) {
                UpdateStep.Outcome clean = step.run(micro(model, data.nextTrainBatch(8)), optimizer, 1e-2, 1.0,
                        model.manager());
                assertFalse(clean.skipped());
                assertTrue(Double.isFinite(clean.gradientNorm()));
            }
            assertEquals(512, scaler.scale(), "two clean updates (the interval) double the scale");
            assertEquals(2, optimizer.stepCount());
            optimizer.close();
        }
    }

    private static List<UpdateStep.MicroBatch> micro(CausalLm model, TokenBatch batch) {
        return List.of(new UpdateStep.MicroBatch(1.0, m -> {
            NDArray targets = batch.targets(m);
            return new UpdateStep.LmInputs(model.embedTokens(batch.inputs(m)), null,
                    logits -> Losses.crossEntropy(logits, targets, null));
        }));
    }

    @Test
    void resumeRestoresTheLossScaleAndContinuesExactly() throws Exception {
        // Growth every 2 clean updates makes the scale climb into fp16 overflow within the run, so the scale both
        // grows and falls back before and after the checkpoint.
        ComputeOptions options = FP16.withLossScaleGrowthInterval(2);
        int steps = 24;
        int stopAt = 12;
        TinyRuns.Recorder uninterrupted = new TinyRuns.Recorder();
        double scaleAtStop;
        double[] uninterruptedScaleAtStop = new double[1];
        long skipped;
        Path full = dir.resolve("full");
        try (CausalLm model = TinyRuns.model();
                Pretrainer trainer = new Pretrainer(model, TinyRuns.data(), TinyRuns.config(steps)
                        .optCompute(options).optCheckpointInterval(stopAt).optCheckpointDir(full).build())) {
            trainer.run(event -> {
                uninterrupted.onEvent(event);
                if (event instanceof TrainingEvent.CheckpointEvent c && c.step() == stopAt) {
                    uninterruptedScaleAtStop[0] = trainer.lossScaler().scale();
                }
            }, new TrainingControl());
            skipped = trainer.lossScaler().skippedSteps();
        }
        assertTrue(skipped > 0, "the run should overflow at least once to exercise the scaler");
        try (Pretrainer atStop = Pretrainer.resume(full.resolve("step-00000012"), TinyRuns.data(), Device.cpu())) {
            scaleAtStop = atStop.lossScaler().scale();
            assertEquals(options, atStop.config().compute());
            TinyRuns.Recorder resumed = new TinyRuns.Recorder();
            atStop.run(resumed, new TrainingControl());
            assertEquals(uninterrupted.losses().subList(stopAt, steps), resumed.losses(),
                    "the resumed fp16 run repeats the uninterrupted one's losses");
        }
        assertEquals(uninterruptedScaleAtStop[0], scaleAtStop, "the checkpoint restores the scale");
        assertTrue(scaleAtStop != LossScaler.INITIAL_SCALE, "the saved scale is the run's, not the initial one: "
                + scaleAtStop);
    }

    @Test
    void bf16IsRefusedWithAReasonBeforeAnyTensorExists() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> {
            try (CausalLm model = TinyRuns.model();
                    Pretrainer trainer = new Pretrainer(model, TinyRuns.data(), TinyRuns.config(2)
                            .optCompute(ComputeOptions.DEFAULT.withPrecision(Precision.BF16)).build())) {
                trainer.run(event -> { }, new TrainingControl());
            }
        });
        assertTrue(e.getMessage().contains("bf16 is not available"), e.getMessage());
        assertTrue(e.getMessage().contains("Use fp16"), e.getMessage());
        assertEquals(Precision.FP16, Precision.parse("FP16"));
        assertThrows(IllegalArgumentException.class, () -> Precision.parse("int8"));
    }
}
