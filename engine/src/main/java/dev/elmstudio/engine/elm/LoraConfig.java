package dev.elmstudio.engine.elm;

import java.util.List;

/**
 * LoRA for stage 2: instead of updating a weight W [out, in], learn W + (alpha / rank)·B·A with A [rank, in] and
 * B [out, rank], B starting at zero so training starts from the base model.
 *
 * @param rank r
 * @param alpha scale numerator (the update is scaled by alpha / rank)
 * @param targets which projections: a weight gets LoRA when its name ends with {@code <target>.weight}, e.g.
 *     {@code attn.c_attn}, {@code attn.c_proj}, {@code mlp.c_fc} (GPT-2) or {@code q_proj}, {@code v_proj} (Llama)
 */
public record LoraConfig(int rank, double alpha, List<String> targets) {
    public LoraConfig {
        if (rank <= 0) {
            throw new IllegalArgumentException("LoRA rank must be > 0, got " + rank);
        }
        if (!(alpha > 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("LoRA alpha must be a positive finite number, got " + alpha);
        }
        if (targets == null || targets.isEmpty()) {
            throw new IllegalArgumentException("LoRA needs at least one target projection (e.g. q_proj, v_proj)");
        }
        targets = List.copyOf(targets);
    }

    public double scale() {
        return alpha / rank;
    }
}
