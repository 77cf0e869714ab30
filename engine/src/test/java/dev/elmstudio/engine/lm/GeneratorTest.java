package dev.elmstudio.engine.lm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GeneratorTest {
    /** Each id becomes one letter, so text positions and token positions line up. */
    private static String letters(long[] ids) {
        StringBuilder s = new StringBuilder();
        for (long id : ids) {
            s.append((char) ('a' + id % 26));
        }
        return s.toString();
    }

    @Test
    void greedyGenerationWithCacheEqualsArgmaxOfFullForwardPasses() {
        long[] prompt = {3, 14, 15, 9, 2};
        try (CausalLm model = new CausalLm(TinyConfigs.llamaGqa(), Device.cpu(), 1)) {
            Generation generation = new Generator(model, null).generate(prompt, GenerationConfig.greedy(12), null);
            List<Long> sequence = new ArrayList<>();
            for (long id : prompt) {
                sequence.add(id);
            }
            long[] expected = new long[12];
            try (NDManager m = model.manager().newSubManager(); NoGradScope noGrad = NoGradScope.enter()) {
                for (int i = 0; i < 12; i++) {
                    long[] ids = sequence.stream().mapToLong(Long::longValue).toArray();
                    NDArray logits = model.forward(m.create(ids, new Shape(1, ids.length)), null);
                    float[] last = logits.get(0, ids.length - 1).toFloatArray();
                    expected[i] = Sampler.argMax(last);
                    sequence.add(expected[i]);
                }
            }
            assertArrayEquals(expected, generation.tokenIds());
            assertEquals(Generation.StopReason.MAX_TOKENS, generation.stopReason());
        }
    }

    @Test
    void listenerStreamsEveryTokenAndCanCancel() {
        try (CausalLm model = new CausalLm(TinyConfigs.gpt2(), Device.cpu(), 4)) {
            List<String> streamed = new ArrayList<>();
            Generation generation = new Generator(model, GeneratorTest::letters).generate(new long[] {1, 2},
                    GenerationConfig.sampling(20, 1.0, 0, 1.0, 5), (id, text) -> {
                        streamed.add(text);
                        return streamed.size() < 4;
                    });
            assertEquals(4, generation.tokenIds().length);
            assertEquals(Generation.StopReason.CANCELLED, generation.stopReason());
            assertEquals(generation.text(), streamed.get(3));
            for (int i = 1; i < streamed.size(); i++) {
                assertTrue(streamed.get(i).startsWith(streamed.get(i - 1)), "stream must only grow");
            }
        }
    }

    @Test
    void stopStringEndsGenerationAndIsCutFromTheText() {
        try (CausalLm model = new CausalLm(TinyConfigs.gpt2(), Device.cpu(), 4)) {
            Generator generator = new Generator(model, GeneratorTest::letters);
            Generation free = generator.generate(new long[] {1, 2}, GenerationConfig.greedy(16), null);
            String stop = free.text().substring(5, 7);
            int expectedCut = free.text().indexOf(stop);
            Generation stopped = generator.generate(new long[] {1, 2},
                    GenerationConfig.greedy(16).withStopStrings(List.of(stop)), null);
            assertEquals(Generation.StopReason.STOP_STRING, stopped.stopReason());
            assertEquals(free.text().substring(0, expectedCut), stopped.text());
            assertFalse(stopped.text().contains(stop));
        }
    }

    @Test
    void stopTokenIsNotEmitted() {
        try (CausalLm model = new CausalLm(TinyConfigs.gpt2(), Device.cpu(), 4)) {
            Generator generator = new Generator(model, null);
            long[] free = generator.generate(new long[] {1, 2}, GenerationConfig.greedy(10), null).tokenIds();
            Generation stopped = generator.generate(new long[] {1, 2},
                    GenerationConfig.greedy(10).withStopTokenIds(List.of(free[3])), null);
            assertEquals(Generation.StopReason.STOP_TOKEN, stopped.stopReason());
            int firstOccurrence = 0;
            while (free[firstOccurrence] != free[3]) {
                firstOccurrence++;
            }
            assertEquals(firstOccurrence, stopped.tokenIds().length);
        }
    }

    @Test
    void generationLeavesNoArraysBehindInTheModelManager() {
        try (CausalLm model = new CausalLm(TinyConfigs.llamaGqa(), Device.cpu(), 4)) {
            Generator generator = new Generator(model, GeneratorTest::letters);
            generator.generate(new long[] {1, 2, 3}, GenerationConfig.greedy(8), null);
            int before = model.manager().getManagedArrays().size();
            for (int i = 0; i < 5; i++) {
                generator.generate(new long[] {1, 2, 3}, GenerationConfig.sampling(8, 1.0, 5, 0.9, i), null);
            }
            assertEquals(before, model.manager().getManagedArrays().size());
        }
    }
}
