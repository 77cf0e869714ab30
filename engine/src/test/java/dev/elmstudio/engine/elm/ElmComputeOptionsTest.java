package dev.elmstudio.engine.elm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.EngineException;
import dev.elmstudio.engine.elm.experiments.ToyTask;
import dev.elmstudio.engine.lm.CausalLm;
import dev.elmstudio.engine.tokenizer.Tokenizer;
import dev.elmstudio.engine.train.ComputeOptions;
import dev.elmstudio.engine.train.Precision;
import dev.elmstudio.engine.train.TrainingOutOfMemoryException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ELM training with the memory levers and precision options, and its out-of-memory stop. */
class ElmComputeOptionsTest {
    @TempDir
    static Path folder;
    static Tokenizer tokenizer;

    @BeforeAll
    static void trainTokenizer() throws Exception {
        tokenizer = ToyTask.tokenizer(folder);
    }

    @AfterAll
    static void closeTokenizer() {
        tokenizer.close();
    }

    private static ElmModel model(long seed) {
        CausalLm lm = new CausalLm(ToyTask.lmConfig(tokenizer), Device.cpu(), seed);
        return new ElmModel(lm, tokenizer, Map.of(ToyTask.SPACE, ToyTask.adapter(lm.config(), 2)), seed);
    }

    private static ElmTrainingConfig config() {
        return ElmTrainingConfig.of(new StageConfig(3, 8, 1e-2, 1e-3, 1, 0.0, 1.0),
                new StageConfig(4, 8, 1e-3, 1e-4, 1, 0.1, 1.0), 9);
    }

    private static List<Double> losses(ElmTrainingConfig config, boolean lora) throws Exception {
        try (ElmModel elm = model(11)) {
            if (lora) {
                elm.enableLora(new LoraConfig(4, 8, List.of("attn.c_attn", "mlp.c_fc")), 5);
            }
            return new ElmTrainer(elm, ToyTask.points(40, 6), List.of(), config).run().losses();
        }
    }

    @Test
    void microBatchesAndCheckpointingGiveThePlainRunsLossesInBothStages() throws Exception {
        for (boolean lora : new boolean[] {false, true}) {
            List<Double> plain = losses(config(), lora);
            List<Double> levers = losses(config().withCompute(ComputeOptions.DEFAULT.withMicroBatches(2)
                    .withCheckpointActivations(true)), lora);
            assertEquals(plain.size(), levers.size());
            for (int i = 0; i < plain.size(); i++) {
                assertEquals(plain.get(i), levers.get(i), 1e-5, (lora ? "LoRA " : "") + "loss of update " + (i + 1));
            }
        }
    }

    @Test
    void fp16ElmTrainingLearnsLikeFp32() throws Exception {
        ElmTrainingConfig fp32 = ElmTrainingConfig.of(StageConfig.of(15, 8, 1e-2), StageConfig.of(15, 8, 1e-3), 9);
        List<Double> reference = losses(fp32, false);
        List<Double> losses = losses(fp32.withCompute(ComputeOptions.DEFAULT.withPrecision(Precision.FP16)), false);
        double first = losses.get(0);
        double last = losses.get(losses.size() - 1);
        double referenceLast = reference.get(reference.size() - 1);
        assertTrue(last < first - 0.3, "fp16 ELM loss went from " + first + " to " + last);
        assertEquals(referenceLast, last, 0.02 * referenceLast, "fp16 ends where fp32 ends");
    }

    @Test
    void outOfMemoryInStage2KeepsTheRunResumable(@TempDir Path dir) throws Exception {
        List<Double> uninterrupted = losses(config(), false);
        Path checkpoints = dir.resolve("steps");
        ElmTrainingConfig config = config().withCheckpoints(2, checkpoints);
        TrainingOutOfMemoryException stop;
        try (ElmModel elm = model(11)) {
            ElmTrainer trainer = new ElmTrainer(elm, ToyTask.points(40, 6), List.of(), config)
                    .withFaultInjector(step -> {
                        if (step == 6) {
                            throw new EngineException("CUDA out of memory. Tried to allocate 1.50 GiB");
                        }
                    });
            stop = assertThrows(TrainingOutOfMemoryException.class, trainer::run);
        }
        assertEquals(5, stop.completedSteps());
        assertEquals(checkpoints.resolve("step-00000005"), stop.checkpoint());
        assertTrue(stop.getMessage().startsWith("out of memory at update 6: CUDA out of memory."), stop.getMessage());
        assertTrue(stop.getMessage().contains("LoRA instead of full fine-tuning"), stop.getMessage());
        assertTrue(stop.getMessage().contains("--micro-batches 2"), stop.getMessage());
        try (ElmModel other = model(99)) {
            List<Double> resumed = new ElmTrainer(other, ToyTask.points(40, 6), List.of(), config)
                    .resume(stop.checkpoint()).losses();
            assertEquals(2, resumed.size());
            for (int i = 0; i < resumed.size(); i++) {
                assertEquals(uninterrupted.get(5 + i), resumed.get(i), 1e-5, "loss of update " + (6 + i));
            }
        }
    }
}
