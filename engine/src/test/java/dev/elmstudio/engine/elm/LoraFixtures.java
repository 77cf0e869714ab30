package dev.elmstudio.engine.elm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Map;
import java.util.SplittableRandom;

/** LoRA starts with B = 0 (a no-op); tests that compare merged and unmerged outputs need a B that does something. */
final class LoraFixtures {
    private LoraFixtures() {}

    /** Sets every LoRA B matrix to seeded values in [-0.1, 0.1). */
    static void randomizeLoraB(ElmModel elm, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        try (NDManager scratch = elm.lm().manager().newSubManager()) {
            for (Map.Entry<String, NDArray> e : elm.loraParameters().entrySet()) {
                if (e.getKey().endsWith("lora_B.weight")) {
                    float[] values = new float[Math.toIntExact(e.getValue().size())];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = (float) (random.nextDouble() - 0.5) * 0.2f;
                    }
                    elm.copyParameter(e.getKey(), scratch.create(values, e.getValue().getShape()));
                }
            }
        }
    }
}
