package dev.elmstudio.engine.train;

import ai.djl.ndarray.types.DataType;
import java.util.Locale;

/**
 * The type training computes in. Master weights and AdamW moments are fp32 in every case; only the forward and
 * backward matrix products change type.
 *
 * <ul>
 *   <li>{@link #FP32}: everything in fp32.
 *   <li>{@link #FP16}: blocks in fp16 with dynamic loss scaling ({@link LossScaler}): fp16's 5-bit exponent
 *       underflows small gradients unless the loss is scaled up first.
 *   <li>{@link #BF16}: refused in this build. DJL 0.33's PyTorch JNI has no bfloat16 ↔ torch dtype mapping: any
 *       cast to or creation of a bf16 tensor aborts the whole process in native code (not a Java exception), so the
 *       option is checked here, before any tensor exists.
 * </ul>
 */
public enum Precision {
    FP32,
    FP16,
    BF16;

    /** "fp32", "fp16", "bf16" (any case; "float16", "bfloat16", "float32" too). */
    public static Precision parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "fp32", "float32" -> FP32;
            case "fp16", "float16", "half" -> FP16;
            case "bf16", "bfloat16" -> BF16;
            default -> throw new IllegalArgumentException("precision '" + text + "' is not one of fp32, fp16, bf16");
        };
    }

    /** The compute type; throws for {@link #BF16}, which this DJL build cannot run. */
    public DataType computeType() {
        return switch (this) {
            case FP32 -> DataType.FLOAT32;
            case FP16 -> DataType.FLOAT16;
            case BF16 -> throw new IllegalArgumentException("precision bf16 is not available with this engine build:"
                    + " DJL 0.33's PyTorch bindings cannot create bfloat16 tensors (the native layer aborts the"
                    + " process). Use fp16 (mixed precision with loss scaling) or fp32.");
        };
    }

    /** Whether gradients need loss scaling (fp16 only). */
    public boolean scalesLoss() {
        return this == FP16;
    }

    /** The command-line spelling. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
