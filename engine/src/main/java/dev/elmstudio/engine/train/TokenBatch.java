package dev.elmstudio.engine.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * One batch of next-token examples, still on the Java heap: {@code targets[b][t]} is the token that
 * follows {@code inputs[b][t]}. Both are row-major [B, T].
 */
public record TokenBatch(long[] inputs, long[] targets, int batchSize, int contextLength) {

    public TokenBatch {
        long expected = (long) batchSize * contextLength;
        if (inputs.length != expected || targets.length != expected) {
            throw new IllegalArgumentException("batch arrays must hold B*T = " + expected + " tokens, got "
                    + inputs.length + " inputs and " + targets.length + " targets");
        }
    }

    /** Input ids as an int64 [B, T] array attached to {@code manager}. */
    public NDArray inputs(NDManager manager) {
        return manager.create(inputs, new Shape(batchSize, contextLength));
    }

    /** Target ids as an int64 [B, T] array attached to {@code manager}. */
    public NDArray targets(NDManager manager) {
        return manager.create(targets, new Shape(batchSize, contextLength));
    }

    /** Number of predicted tokens (B · T). */
    public long tokenCount() {
        return (long) batchSize * contextLength;
    }
}
