package dev.elmstudio.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** AdamW against torch.optim.AdamW's update, written out in doubles. */
class AdamWTest {

    private static final double LR = 0.1;
    private static final double WEIGHT_DECAY = 0.5;
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.95;
    private static final double EPSILON = 0.3; // large, so using eps instead of eps·√bc2 would show

    /** Gradients for three updates of a [2, 2] weight and a [2] bias. */
    private static final float[][] WEIGHT_GRADS = {{0.5f, -1f, 2f, 0.25f}, {-0.3f, 0.1f, 1.5f, -2f}, {1f, 1f, -1f, 0f}};
    private static final float[][] BIAS_GRADS = {{1f, -0.5f}, {0.2f, 0.4f}, {-1f, 3f}};

    @Test
    void threeUpdatesMatchTorchAdamWWithDecayOnlyOnMatrices() {
        runAndCompare(0.0, 1.0);
    }

    @Test
    void clippingScalesTheGradientBeforeTheMoments() {
        // ‖g‖ of update 1 = sqrt(0.25 + 1 + 4 + 0.0625 + 1 + 0.25) = 2.5617…; clip to 1
        double norm = Math.sqrt(0.25 + 1 + 4 + 0.0625 + 1 + 0.25);
        runAndCompare(1.0, 1.0 / (norm + 1e-6));
    }

    private void runAndCompare(double maxGradNorm, double firstScale) {
        float[] weightStart = {1f, -2f, 0.5f, 3f};
        float[] biasStart = {0.1f, -0.2f};
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            NDArray weight = manager.create(weightStart, new Shape(2, 2));
            NDArray bias = manager.create(biasStart);
            weight.setRequiresGradient(true);
            bias.setRequiresGradient(true);
            Map<String, NDArray> params = new LinkedHashMap<>();
            params.put("w", weight);
            params.put("b", bias);
            TorchAdamW weightRef = new TorchAdamW(weightStart, WEIGHT_DECAY);
            TorchAdamW biasRef = new TorchAdamW(biasStart, 0.0);
            try (AdamW adamW = new AdamW(params, manager, BETA1, BETA2, EPSILON, WEIGHT_DECAY)) {
                for (int t = 0; t < 3; t++) {
                    try (NDManager step = manager.newSubManager()) {
                        setGradients(step, weight, WEIGHT_GRADS[t], bias, BIAS_GRADS[t]);
                        adamW.step(LR, maxGradNorm, step);
                    }
                    double scale = t == 0 ? firstScale : clipScale(t, maxGradNorm);
                    weightRef.step(WEIGHT_GRADS[t], scale);
                    biasRef.step(BIAS_GRADS[t], scale);
                    assertClose(weightRef.param, weight.toFloatArray(), "weight after update " + (t + 1));
                    assertClose(biasRef.param, bias.toFloatArray(), "bias after update " + (t + 1));
                    assertClose(new double[4], weight.getGradient().toFloatArray(), "gradient is zeroed");
                }
                assertEquals(3, adamW.stepCount());
            }
        }
    }

    @Test
    void stateRoundTripsAndRejectsForeignState() {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            NDArray weight = manager.create(new float[] {1f, 2f, 3f, 4f}, new Shape(2, 2));
            weight.setRequiresGradient(true);
            try (AdamW first = new AdamW(Map.of("w", weight), manager, BETA1, BETA2, EPSILON, 0);
                    AdamW second = new AdamW(Map.of("w", weight), manager, BETA1, BETA2, EPSILON, 0)) {
                try (NDManager step = manager.newSubManager()) {
                    setGradients(step, weight, WEIGHT_GRADS[0], null, null);
                    first.step(LR, 0, step);
                }
                second.importState(first.exportState(), first.stepCount());
                assertEquals(1, second.stepCount());
                assertClose(toDoubles(first.exportState().get("w.exp_avg_sq").toFloatArray()),
                        second.exportState().get("w.exp_avg_sq").toFloatArray(), "second moment copied");
                Map<String, NDArray> foreign = Map.of("v.exp_avg", manager.zeros(new Shape(2, 2)));
                assertThrows(IllegalArgumentException.class, () -> second.importState(foreign, 1));
            }
        }
    }

    private static double clipScale(int t, double maxGradNorm) {
        double sum = 0;
        for (float g : WEIGHT_GRADS[t]) {
            sum += g * g;
        }
        for (float g : BIAS_GRADS[t]) {
            sum += g * g;
        }
        return GradientClipper.scaleFor(Math.sqrt(sum), maxGradNorm == 0 ? 0 : maxGradNorm);
    }

    /** Backward of sum(w · gw) + sum(b · gb) leaves exactly gw and gb as gradients. */
    private static void setGradients(NDManager step, NDArray weight, float[] weightGrad, NDArray bias,
            float[] biasGrad) {
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray loss = weight.mul(step.create(weightGrad, weight.getShape())).sum();
            if (bias != null) {
                loss = loss.add(bias.mul(step.create(biasGrad, bias.getShape())).sum());
            }
            collector.backward(loss);
        }
    }

    private static void assertClose(double[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-6, what + " [" + i + "]");
        }
    }

    private static double[] toDoubles(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    /** torch.optim.AdamW.step for one tensor (PyTorch 2.x, amsgrad off, maximize off). */
    private static final class TorchAdamW {
        final double[] param;
        final double[] expAvg;
        final double[] expAvgSq;
        final double weightDecay;
        int step;

        TorchAdamW(float[] start, double weightDecay) {
            param = toDoubles(start);
            expAvg = new double[start.length];
            expAvgSq = new double[start.length];
            this.weightDecay = weightDecay;
        }

        void step(float[] rawGrad, double clipScale) {
            step++;
            double bc1 = 1 - Math.pow(BETA1, step);
            double bc2 = 1 - Math.pow(BETA2, step);
            for (int i = 0; i < param.length; i++) {
                double grad = rawGrad[i] * clipScale; // clip_grad_norm_ multiplies the grads in place
                param[i] *= 1 - LR * weightDecay; // param.mul_(1 - lr * weight_decay)
                expAvg[i] += (grad - expAvg[i]) * (1 - BETA1); // exp_avg.lerp_(grad, 1 - beta1)
                expAvgSq[i] = expAvgSq[i] * BETA2 + (1 - BETA2) * grad * grad;
                double denom = Math.sqrt(expAvgSq[i]) / Math.sqrt(bc2) + EPSILON;
                param[i] -= LR / bc1 * expAvg[i] / denom; // addcdiv_(exp_avg, denom, value=-step_size)
            }
        }
    }
}
