package dev.elmstudio.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import dev.elmstudio.engine.lm.CausalLm;
import dev.elmstudio.engine.lm.LmConfig;
import dev.elmstudio.engine.lm.Losses;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * DJL's {@code array.mul(2f)} (and add/sub/div/pow with a Number) wraps the number in a tensor over a
 * Java direct buffer and closes it at once. When autograd saved that tensor for backward, a garbage
 * collection between forward and backward frees its memory and backward reads whatever is there:
 * training silently goes wrong, more often with a small heap. Gradients must not depend on GC.
 */
class GradientsSurviveGarbageCollectionTest {

    @Test
    void gpt2GradientsAreTheSameWithAGcBetweenForwardAndBackward() throws Exception {
        compareWithAndWithoutGc(LmConfig.gpt2(TinyRuns.VOCAB, 32, 2, 2, TinyRuns.CONTEXT));
    }

    @Test
    void llamaGradientsAreTheSameWithAGcBetweenForwardAndBackward() throws Exception {
        compareWithAndWithoutGc(LmConfig.llama(TinyRuns.VOCAB, 32, 2, 4, 2, 48, TinyRuns.CONTEXT));
    }

    private static void compareWithAndWithoutGc(LmConfig config) throws Exception {
        TokenBatch batch = TinyRuns.data().nextTrainBatch(2);
        try (CausalLm model = new CausalLm(config, Device.cpu(), 1)) {
            model.setTrainable(name -> true);
            Map<String, float[]> undisturbed = gradients(model, batch, false);
            Map<String, float[]> collected = gradients(model, batch, true);
            for (String name : undisturbed.keySet()) {
                assertArrayEquals(undisturbed.get(name), collected.get(name), "gradient of " + name);
            }
        }
    }

    private static Map<String, float[]> gradients(CausalLm model, TokenBatch batch, boolean collectGarbage)
            throws InterruptedException {
        Map<String, float[]> out = new LinkedHashMap<>();
        try (NDManager step = model.manager().newSubManager();
                GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray loss = Losses.crossEntropy(model.forward(batch.inputs(step), null), batch.targets(step), null);
            if (collectGarbage) {
                for (int i = 0; i < 3; i++) {
                    System.gc();
                    Thread.sleep(20);
                }
                List<NDArray> reuseFreedMemory = new ArrayList<>();
                for (int i = 0; i < 2000; i++) {
                    reuseFreedMemory.add(step.create(new float[] {1234.5f}));
                }
            }
            collector.backward(loss);
            for (Map.Entry<String, NDArray> entry : model.parameters().entrySet()) {
                try (NDArray gradient = entry.getValue().getGradient()) {
                    out.put(entry.getKey(), gradient.toFloatArray());
                    gradient.subi(gradient); // gradients accumulate: clear for the next pass
                }
            }
        }
        return out;
    }
}
