package dev.elmstudio.engine.train;

import ai.djl.Device;
import dev.elmstudio.engine.lm.CausalLm;
import dev.elmstudio.engine.lm.LmConfig;
import dev.elmstudio.engine.train.TrainingEvent.StepEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs many tiny pretraining steps and prints array counts and resident memory as it goes, to show
 * that a long run does not grow. Usage: {@code PretrainMemoryProgram [steps=2000] [sampleEvery=250]}.
 * Exit status 1 when the array count grew.
 */
public final class PretrainMemoryProgram {

    private PretrainMemoryProgram() { }

    public static void main(String[] args) throws Exception {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int sampleEvery = args.length > 1 ? Integer.parseInt(args[1]) : 250;
        List<MemorySample> samples = run(steps, sampleEvery, true);
        MemorySample first = samples.get(0);
        MemorySample last = samples.get(samples.size() - 1);
        System.out.printf("arrays: %d -> %d; RSS: %.1f MB -> %.1f MB over %d steps%n", first.modelArrays(),
                last.modelArrays(), first.residentKb() / 1024.0, last.residentKb() / 1024.0,
                last.step() - first.step());
        System.exit(last.modelArrays() == first.modelArrays() ? 0 : 1);
    }

    /**
     * Trains a 2-layer, width-32 model for {@code steps} updates and samples memory after step 1,
     * every {@code sampleEvery} steps, and after the last one.
     */
    static List<MemorySample> run(int steps, int sampleEvery, boolean print) throws Exception {
        long[] tokens = new long[64 * 200];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = (i * 7 + i / 13) % 64; // any learnable-looking stream will do
        }
        TokenBlockDataset data = new TokenBlockDataset(tokens, 32, 0.05, 1);
        PretrainConfig config = PretrainConfig.builder()
                .setSteps(steps).setBatchSize(4).setContextLength(32).setLearningRate(3e-3)
                .optWarmupSteps(Math.min(50, steps)).optEvalInterval(Math.max(1, steps / 4)).optEvalBatches(2)
                .build();
        List<MemorySample> samples = new ArrayList<>();
        long started = System.nanoTime();
        try (CausalLm model = new CausalLm(LmConfig.gpt2(64, 32, 2, 2, 32), Device.cpu(), 1);
                Pretrainer trainer = new Pretrainer(model, data, config)) {
            trainer.run(event -> {
                if (event instanceof StepEvent step
                        && (step.step() == 1 || step.step() % sampleEvery == 0 || step.step() == steps)) {
                    MemorySample sample = MemorySample.of(trainer);
                    samples.add(sample);
                    if (print) {
                        System.out.printf("%s  loss %.3f  %.1f ms/step%n", sample, step.loss(),
                                (System.nanoTime() - started) / 1e6 / step.step());
                    }
                }
            }, new TrainingControl());
        }
        return samples;
    }
}
