package dev.elmstudio.engine.train;

import ai.djl.Device;
import dev.elmstudio.engine.lm.CausalLm;
import dev.elmstudio.engine.lm.LmConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A tiny model, a small repetitive corpus and a listener that records what a run reports. */
final class TinyRuns {

    static final int VOCAB = 32;
    static final int CONTEXT = 16;
    static final long MODEL_SEED = 11;

    private TinyRuns() { }

    /** GPT-2 style, 2 layers, width 32. */
    static CausalLm model() {
        return new CausalLm(LmConfig.gpt2(VOCAB, 32, 2, 2, CONTEXT), Device.cpu(), MODEL_SEED);
    }

    /**
     * A 24-token "sentence" repeated with one varying slot, so the stream is learnable but not
     * trivially periodic: tokens follow each other deterministically except after token 3.
     */
    static long[] corpus(int sentences) {
        long[] sentence = {1, 5, 9, 3, 0, 7, 2, 8, 4, 6, 10, 12, 14, 11, 13, 15, 17, 19, 16, 18, 20, 22, 21, 23};
        long[] tokens = new long[sentences * sentence.length];
        for (int s = 0; s < sentences; s++) {
            for (int i = 0; i < sentence.length; i++) {
                tokens[s * sentence.length + i] = i == 4 ? 24 + (s % 8) : sentence[i];
            }
        }
        return tokens;
    }

    static TokenBlockDataset data() {
        return new TokenBlockDataset(corpus(60), CONTEXT, 0.1, 5);
    }

    static PretrainConfig.Builder config(int steps) {
        return PretrainConfig.builder()
                .setSteps(steps).setBatchSize(8).setContextLength(CONTEXT).setLearningRate(1e-2)
                .optWarmupSteps(Math.min(5, steps)).optWeightDecay(0.1).optSeed(3);
    }

    static PretrainConfig config(int steps, Path checkpoints) {
        return config(steps).optCheckpointDir(checkpoints).build();
    }

    /** Keeps every event of a run. */
    static final class Recorder implements TrainingListener {
        final List<TrainingEvent> events = new ArrayList<>();

        @Override
        public void onEvent(TrainingEvent event) {
            events.add(event);
        }

        List<Double> losses() {
            return events.stream().filter(e -> e instanceof TrainingEvent.StepEvent)
                    .map(e -> ((TrainingEvent.StepEvent) e).loss()).toList();
        }

        <T extends TrainingEvent> List<T> ofType(Class<T> type) {
            return events.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }
}
