package dev.elmstudio.engine.lm;

import ai.djl.ndarray.NDArray;

/** The position-wise feed-forward network: GELU MLP (GPT-2) or SwiGLU (Llama). */
final class Mlp {
    private Mlp() {}

    /** h [B, T, D] → [B, T, D] through width I. */
    static NDArray forward(NDArray h, BlockWeights w, LmConfig c) {
        if (c.isGpt2()) {
            NDArray hidden = Ops.activation(Ops.linear(h, w.upWeight(), w.upBias()), c.activation()); // [B, T, I]
            return Ops.linear(hidden, w.downWeight(), w.downBias());
        }
        NDArray gate = Ops.silu(Ops.linear(h, w.gateWeight(), null)); // [B, T, I]
        NDArray up = Ops.linear(h, w.upWeight(), null);
        return Ops.linear(gate.mul(up), w.downWeight(), null);
    }
}
