package dev.elmstudio.engine.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class KvCacheTest {
    static Stream<Arguments> configs() {
        return Stream.of(Arguments.of("gpt2", TinyConfigs.gpt2()), Arguments.of("llama-gqa", TinyConfigs.llamaGqa()),
                Arguments.of("gpt2-tanh", TinyConfigs.gpt2().withActivation(LmConfig.Activation.GELU_TANH)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void cachedDecodingGivesTheLogitsOfAFullForwardPass(String name, LmConfig config) {
        int total = 20;
        int prefill = 7;
        long[] tokens = new Random(3).longs(total, 0, config.vocabSize()).toArray();
        try (CausalLm model = new CausalLm(config, Device.cpu(), 11);
                NDManager m = model.manager().newSubManager();
                NoGradScope noGrad = NoGradScope.enter();
                KvCache cache = model.newCache()) {
            NDArray full = model.forward(m.create(tokens, new Shape(1, total)), null); // [1, T, V]
            NDArray prefix = m.create(java.util.Arrays.copyOf(tokens, prefill), new Shape(1, prefill));
            NDArray cachedPrefix = model.forwardEmbeddings(model.embedTokens(prefix), null, cache, false);
            double worst = maxAbsDiff(cachedPrefix, full.get(new NDIndex(":, 0:{}, :", prefill)));
            for (int t = prefill; t < total; t++) {
                NDArray one = m.create(new long[] {tokens[t]}, new Shape(1, 1));
                NDArray step = model.forwardEmbeddings(model.embedTokens(one), null, cache, true);
                worst = Math.max(worst, maxAbsDiff(step, full.get(new NDIndex(":, {}:{}, :", t, t + 1))));
            }
            assertEquals(total, cache.length());
            assertTrue(worst <= 1e-4, name + ": cached decode differs from full forward by " + worst);
        }
    }

    static double maxAbsDiff(NDArray a, NDArray b) {
        assertEquals(a.getShape(), b.getShape());
        return a.sub(b).abs().max().getFloat();
    }
}
