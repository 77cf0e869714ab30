package dev.elmstudio.engine.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The message a training run gives when it runs out of memory: what happened, where to resume, what to change. */
public final class OutOfMemoryAdvice {
    private OutOfMemoryAdvice() {}

    /**
     * @param step the update that failed (1-based)
     * @param cause the engine's failure
     * @param estimate the run's memory estimate, or null
     * @param options how the run computed
     * @param batchSize examples per update
     * @param lora whether the LM is already trained through LoRA (null = not applicable, e.g. pretraining)
     * @param checkpoint the checkpoint to resume from, or null
     */
    public static String message(int step, Throwable cause, MemoryEstimate estimate, ComputeOptions options,
            int batchSize, Boolean lora, Path checkpoint) {
        StringBuilder text = new StringBuilder();
        text.append("out of memory at update ").append(step).append(": ").append(OutOfMemory.firstLine(cause));
        if (estimate != null) {
            text.append("\nestimated need: ").append(estimate.summary());
        }
        text.append(checkpoint == null
                ? "\nno checkpoint was written yet; the run cannot resume, start it again with the changes below"
                : "\nthe run is kept and resumable from " + checkpoint + " (resume it with --resume)");
        text.append("\nto fit, try one or more of:");
        for (String suggestion : suggestions(options, batchSize, lora)) {
            text.append("\n  - ").append(suggestion);
        }
        return text.toString();
    }

    static List<String> suggestions(ComputeOptions options, int batchSize, Boolean lora) {
        List<String> out = new ArrayList<>();
        int micro = options.microBatches();
        int more = nextDivisor(batchSize, micro);
        if (more > micro) {
            out.add(String.format(Locale.ROOT, "--micro-batches %d: the same batch of %d in parts of %d (same"
                    + " updates, about 1/%d of the activation memory)", more, batchSize, batchSize / more,
                    more / micro));
        }
        out.add("a smaller --batch (" + Math.max(1, batchSize / 2) + " instead of " + batchSize + ")");
        if (!options.checkpointActivations()) {
            out.add("--checkpoint-activations: recompute each block in backward instead of keeping its"
                    + " activations (about a third more compute)");
        }
        if (Boolean.FALSE.equals(lora)) {
            out.add("LoRA instead of full fine-tuning in stage 2: gradients and AdamW state only for the low-rank"
                    + " updates, not for every LM weight");
        }
        out.add("a shorter context (fewer tokens per example)");
        if (options.precision() == Precision.FP32) {
            out.add("--precision fp16: half-size activations (bf16 is not available in this engine build)");
        }
        return out;
    }

    /** The smallest divisor of {@code n} above {@code current}, or current when there is none. */
    private static int nextDivisor(int n, int current) {
        for (int d = current + 1; d <= n; d++) {
            if (n % d == 0) {
                return d;
            }
        }
        return current;
    }
}
