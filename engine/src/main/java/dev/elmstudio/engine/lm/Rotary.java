package dev.elmstudio.engine.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Rotary position embeddings in Hugging Face Llama's "rotate half" layout: dimension j pairs with j + hd/2 and
 * both use frequency θ^(-2j/hd), stretched by the config's {@link RopeScaling}. Tables cos, sin [P, hd] are built
 * once (not trainable).
 */
final class Rotary {
    private final NDArray cosTable;
    private final NDArray sinTable;

    Rotary(NDManager manager, int maxPositions, int headDim, double theta, RopeScaling scaling) {
        int half = headDim / 2;
        float[] cos = new float[maxPositions * headDim];
        float[] sin = new float[maxPositions * headDim];
        for (int p = 0; p < maxPositions; p++) {
            for (int j = 0; j < half; j++) {
                double inverseFrequency = scaling.inverseFrequency(j, headDim, theta);
                double angle = p * inverseFrequency;
                float c = (float) Math.cos(angle);
                float s = (float) Math.sin(angle);
                cos[p * headDim + j] = c;
                cos[p * headDim + j + half] = c;
                sin[p * headDim + j] = s;
                sin[p * headDim + j + half] = s;
            }
        }
        cosTable = manager.create(cos, new Shape(maxPositions, headDim));
        sinTable = manager.create(sin, new Shape(maxPositions, headDim));
    }

    /** cos and sin for positions [B, T] → each [B, 1, T, hd], broadcasting over heads. */
    NDList lookup(NDArray positions) {
        NDArray cos = Ops.embedding(positions, cosTable).expandDims(1);
        NDArray sin = Ops.embedding(positions, sinTable).expandDims(1);
        return new NDList(cos, sin);
    }

    /** x [B, h, T, hd] rotated: x·cos + rotateHalf(x)·sin, in x's type (fp16 under mixed precision). */
    static NDArray apply(NDArray x, NDList cosSin) {
        NDList halves = x.split(2, 3);
        NDArray rotated = halves.get(1).neg().concat(halves.get(0), 3);
        // The tables are constants: a plain (non-differentiable) cast keeps fp16 q/k from being promoted to fp32.
        NDArray cos = cosSin.get(0).toType(x.getDataType(), false);
        NDArray sin = cosSin.get(1).toType(x.getDataType(), false);
        return x.mul(cos).add(rotated.mul(sin));
    }
}
