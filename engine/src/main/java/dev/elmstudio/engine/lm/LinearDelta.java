package dev.elmstudio.engine.lm;

import ai.djl.ndarray.NDArray;

/**
 * An extra term added to the output of the model's linear layers, such as LoRA's low-rank update
 * y = x·Wᵀ + b + s·(x·Aᵀ)·Bᵀ. The model asks once per linear layer per forward pass.
 */
@FunctionalInterface
public interface LinearDelta {
    /**
     * @param weightName Hugging Face name of the layer's weight, e.g. {@code transformer.h.0.attn.c_attn.weight}
     * @param input the layer's input [..., in]
     * @return the term to add [..., out], in the manager of {@code input}; null when this layer has none
     */
    NDArray apply(String weightName, NDArray input);
}
