package dev.elmstudio.engine.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;

/**
 * Thin names for the fused libtorch kernels DJL exposes through {@code NDArrayEx}. Every op is called on the
 * activation (never on a parameter) so that its result joins the activation's NDManager: per-step memory then
 * dies with the step's manager instead of piling up in the model's.
 */
public final class Ops {
    private static final float SQRT_2_OVER_PI = (float) Math.sqrt(2.0 / Math.PI);

    private Ops() {}

    /**
     * x [..., in] · wᵀ [in, out] + b → [..., out], one addmm in libtorch. The layer runs in x's type: fp32 weights
     * meet an fp16 activation as differentiable fp16 copies (mixed precision), so their gradients still reach the
     * fp32 weights.
     */
    public static NDArray linear(NDArray x, NDArray weight, NDArray bias) {
        DataType type = x.getDataType();
        NDManager activations = x.getManager();
        return x.getNDArrayInternal().linear(x, cast(weight, type, activations),
                bias == null ? null : cast(bias, type, activations)).singletonOrThrow();
    }

    /**
     * x in {@code type}, differentiably (the gradient flows back in x's own type); x itself when it already is.
     *
     * <p>DJL's {@code toType} runs under a no-grad guard, so it would cut the graph. torch's cumprod with a dtype
     * argument casts its input as part of the op and its backward casts the gradient back; over a new axis of size
     * 1 the product is the identity. One elementwise kernel, the cost of a plain cast.
     */
    public static NDArray cast(NDArray x, DataType type) {
        return cast(x, type, x.getManager());
    }

    /**
     * {@link #cast(NDArray, DataType)} with the copy in {@code manager}: a parameter's per-pass fp16 copy must die
     * with the step, not join the model's manager (which would keep one more copy alive every step).
     */
    public static NDArray cast(NDArray x, DataType type, NDManager manager) {
        if (x.getDataType() == type) {
            return x;
        }
        int axis = x.getShape().dimension();
        NDArray column = x.expandDims(axis);
        column.attach(manager); // the cast and the squeeze below join the array they are called on
        return JniUtils.cumProd((PtNDArray) column, axis, type).squeeze(axis);
    }

    /** {@link #linear(NDArray, NDArray, NDArray)} plus {@code delta}'s term for this weight (none when null). */
    public static NDArray linear(NDArray x, NDArray weight, NDArray bias, LinearDelta delta) {
        NDArray y = linear(x, weight, bias);
        NDArray extra = delta == null ? null : delta.apply(weight.getName(), x);
        return extra == null ? y : y.add(extra);
    }

    /** Row lookup: ids [B, T] (int64) in table [N, D] → [B, T, D]; its backward is an index_add into the table. */
    public static NDArray embedding(NDArray ids, NDArray table) {
        return ids.getNDArrayInternal().embedding(ids, table, SparseFormat.DENSE).singletonOrThrow();
    }

    public static NDArray layerNorm(NDArray x, NDArray weight, NDArray bias, double eps) {
        Shape normalized = new Shape(x.getShape().get(x.getShape().dimension() - 1));
        return x.getNDArrayInternal().layerNorm(x, normalized, weight, bias, (float) eps).singletonOrThrow();
    }

    /** RMSNorm as Llama computes it: x · rsqrt(mean(x²) + eps) · w, in fp32. */
    public static NDArray rmsNorm(NDArray x, NDArray weight, double eps) {
        NDArray rms = x.square().mean(new int[] {x.getShape().dimension() - 1}, true).add(eps).sqrt();
        return x.div(rms).mul(weight);
    }

    /** Exact GELU, x·Φ(x): one fused libtorch kernel. */
    public static NDArray gelu(NDArray x) {
        return x.getNDArrayInternal().gelu();
    }

    /** GELU's tanh approximation ("gelu_new"), needed to reproduce OpenAI's GPT-2 checkpoints exactly. */
    public static NDArray geluTanh(NDArray x) {
        NDArray inner = x.mul(x).mul(x).mul(scalar(x, 0.044715f)).add(x).mul(scalar(x, SQRT_2_OVER_PI)).tanh();
        return x.mul(scalar(x, 0.5f)).mul(inner.add(1f));
    }

    public static NDArray silu(NDArray x) {
        return x.mul(x.getNDArrayInternal().sigmoid());
    }

    public static NDArray activation(NDArray x, LmConfig.Activation activation) {
        return switch (activation) {
            case GELU -> gelu(x);
            case GELU_TANH -> geluTanh(x);
            case SILU -> silu(x);
        };
    }

    /** A 0-d tensor in libtorch-owned memory: safe for autograd to save (DJL's mul(Number) is not). */
    public static NDArray scalar(NDArray like, float value) {
        return like.getManager().full(new Shape(), value, like.getDataType());
    }
}
