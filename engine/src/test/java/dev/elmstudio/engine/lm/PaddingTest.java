package dev.elmstudio.engine.lm;

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

class PaddingTest {
    static Stream<Arguments> configs() {
        return Stream.of(Arguments.of("gpt2", TinyConfigs.gpt2()), Arguments.of("llama-gqa", TinyConfigs.llamaGqa()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void rightPaddingLeavesRealPositionsUnchanged(String name, LmConfig config) {
        check(config, false);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void leftPaddingLeavesRealPositionsUnchanged(String name, LmConfig config) {
        check(config, true);
    }

    /** Batch [short sequence + padding, long sequence]: the short one's logits must equal its unpadded run. */
    private static void check(LmConfig config, boolean padLeft) {
        int shortLength = 6;
        int longLength = 11;
        Random random = new Random(5);
        long[] shortTokens = random.longs(shortLength, 1, config.vocabSize()).toArray();
        long[] longTokens = random.longs(longLength, 1, config.vocabSize()).toArray();
        long[] batch = new long[2 * longLength];
        float[] mask = new float[2 * longLength];
        int offset = padLeft ? longLength - shortLength : 0;
        for (int t = 0; t < shortLength; t++) {
            batch[offset + t] = shortTokens[t];
            mask[offset + t] = 1;
        }
        for (int t = 0; t < longLength; t++) {
            batch[longLength + t] = longTokens[t];
            mask[longLength + t] = 1;
        }
        try (CausalLm model = new CausalLm(config, Device.cpu(), 2);
                NDManager m = model.manager().newSubManager();
                NoGradScope noGrad = NoGradScope.enter()) {
            NDArray padded = model.forward(m.create(batch, new Shape(2, longLength)),
                    m.create(mask, new Shape(2, longLength)));
            NDArray alone = model.forward(m.create(shortTokens, new Shape(1, shortLength)), null);
            NDArray longAlone = model.forward(m.create(longTokens, new Shape(1, longLength)), null);
            NDArray shortPart = padded.get(new NDIndex("0:1, {}:{}, :", offset, offset + shortLength));
            double shortDiff = KvCacheTest.maxAbsDiff(shortPart, alone);
            double longDiff = KvCacheTest.maxAbsDiff(padded.get(new NDIndex("1:2, :, :")), longAlone);
            assertTrue(shortDiff <= 1e-5, "padded sequence's logits moved by " + shortDiff);
            assertTrue(longDiff <= 1e-5, "unpadded neighbour's logits moved by " + longDiff);
        }
    }
}
