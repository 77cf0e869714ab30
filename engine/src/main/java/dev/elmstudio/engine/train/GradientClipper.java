package dev.elmstudio.engine.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import java.util.List;

/**
 * Global-norm gradient clipping, as {@code torch.nn.utils.clip_grad_norm_} does it, but without
 * touching the gradients: it returns the factor to multiply them by, which {@link AdamW} folds into
 * the fused update's {@code rescaleGrad}. That saves a scaling pass over every gradient.
 */
public final class GradientClipper {

    private GradientClipper() { }

    /**
     * L2 norm of all gradients taken as one vector: sqrt(Σ‖g_i‖²) = ‖(‖g_1‖, …, ‖g_n‖)‖.
     * One native call per gradient, then three in total (stack, norm, read back: the one sync).
     * Temporaries attach to the gradients' manager; pass gradients that live in a per-step manager.
     */
    public static double globalNorm(List<NDArray> gradients) {
        if (gradients.isEmpty()) {
            return 0;
        }
        NDList norms = new NDList(gradients.size());
        for (NDArray gradient : gradients) {
            norms.add(gradient.norm());
        }
        try (NDArray stacked = NDArrays.stack(norms); NDArray total = stacked.norm()) {
            return total.getFloat();
        } finally {
            norms.close();
        }
    }

    /**
     * Factor that brings a gradient of norm {@code norm} down to at most {@code maxNorm}; 1 when it
     * is already small enough or when clipping is off ({@code maxNorm == 0}). The 1e-6 matches
     * PyTorch, which guards the division the same way.
     */
    public static double scaleFor(double norm, double maxNorm) {
        if (maxNorm < 0 || Double.isNaN(maxNorm)) {
            throw new IllegalArgumentException("maxNorm must be >= 0 (0 = no clipping), got " + maxNorm);
        }
        if (maxNorm == 0) {
            return 1.0;
        }
        return Math.min(1.0, maxNorm / (norm + 1e-6));
    }
}
