package dev.elmstudio.engine.checkpoint;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.elmstudio.engine.lm.CausalLm;
import dev.elmstudio.engine.lm.LmConfig;
import dev.elmstudio.engine.lm.NoGradScope;
import java.util.Map;
import java.util.SplittableRandom;

/** Tiny models whose every parameter, norms and biases included, holds distinct random values. */
final class TinyModels {
    static final LmConfig GPT2 = LmConfig.gpt2(50, 16, 2, 2, 32);
    /** Llama with grouped-query attention (4 query heads share 2 key/value heads) and an untied head. */
    static final LmConfig LLAMA_GQA = LmConfig.llama(50, 16, 2, 4, 2, 24, 32).withRopeTheta(500000);

    private TinyModels() {}

    /**
     * A fresh model's norms are ones and its biases zeros: a loader that swapped two of them would still pass.
     * Random values everywhere make every tensor distinguishable.
     */
    static CausalLm randomized(LmConfig config, long seed) {
        CausalLm model = new CausalLm(config, Device.cpu(), seed);
        SplittableRandom random = new SplittableRandom(seed);
        try (NDManager scratch = model.manager().newSubManager()) {
            for (Map.Entry<String, NDArray> e : model.parameters().entrySet()) {
                Shape shape = e.getValue().getShape();
                float[] values = new float[Math.toIntExact(shape.size())];
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) random.nextDouble(-0.5, 0.5);
                }
                model.copyParameter(e.getKey(), scratch.create(values, shape));
            }
        }
        return model;
    }

    /** Logits [2, 6, V] for a fixed batch whose second row is left-padded by two positions. */
    static float[] logits(CausalLm model) {
        try (NDManager scratch = model.manager().newSubManager(); NoGradScope noGrad = NoGradScope.enter()) {
            NDArray ids = scratch.create(new long[] {1, 7, 3, 9, 4, 2, 0, 0, 5, 8, 6, 1}, new Shape(2, 6));
            NDArray mask = scratch.create(new long[] {1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1}, new Shape(2, 6));
            return model.forward(ids, mask).toFloatArray();
        }
    }

    static double maxAbsDiff(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("lengths differ: " + a.length + " vs " + b.length);
        }
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            worst = Math.max(worst, Math.abs((double) a[i] - b[i]));
        }
        return worst;
    }
}
