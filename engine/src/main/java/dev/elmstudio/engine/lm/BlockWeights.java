package dev.elmstudio.engine.lm;

import ai.djl.ndarray.NDArray;

/**
 * The parameters of one transformer block, as references into the model's parameter map. Fields that a family
 * does not use are null (GPT-2 has a fused {@code qkv} and norm biases; Llama has separate q/k/v and a gate).
 *
 * <p>Shapes use torch.nn.Linear layout [out, in]: {@code qkv [3D, D]}, {@code q [H·hd, D]}, {@code k, v [Hkv·hd, D]},
 * {@code o [D, H·hd]}, {@code up, gate [I, D]}, {@code down [D, I]}.
 */
record BlockWeights(
        NDArray norm1Weight,
        NDArray norm1Bias,
        NDArray qkvWeight,
        NDArray qkvBias,
        NDArray qWeight,
        NDArray qBias,
        NDArray kWeight,
        NDArray kBias,
        NDArray vWeight,
        NDArray vBias,
        NDArray oWeight,
        NDArray oBias,
        NDArray norm2Weight,
        NDArray norm2Bias,
        NDArray upWeight,
        NDArray upBias,
        NDArray gateWeight,
        NDArray downWeight,
        NDArray downBias) {}
