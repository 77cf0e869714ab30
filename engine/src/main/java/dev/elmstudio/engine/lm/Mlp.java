package dev.elmstudio.engine.lm;

import ai.djl.ndarray.NDArray;

/** The position-wise feed-forward network: GELU MLP (GPT-2) or SwiGLU (Llama). */
final class Mlp {
    private Mlp() {}

    /** h [B, T, D] → [B, T, D] through width I; {@code delta} adds extra terms (LoRA) or is null. */
    static NDArray forward(NDArray h, BlockWeights w, LmConfig c, LinearDelta delta) {
        if (c.isGpt2()) {
            NDArray hidden = Ops.activation(Ops.linear(h, w.upWeight(), w.upBias(), delta), c.activation()); // [B, T, I]
            return Ops.linear(hidden, w.downWeight(), w.downBias(), delta);
        }
        NDArray gate = Ops.silu(Ops.linear(h, w.gateWeight(), null, delta)); // [B, T, I]
        NDArray up = Ops.linear(h, w.upWeight(), null, delta);
        return Ops.linear(gate.mul(up), w.downWeight(), null, delta);
    }
}
