package dev.elmstudio.engine.lm;

import ai.djl.pytorch.jni.JniUtils;

/**
 * Turns autograd recording off for the current thread until closed, then restores what was there. libtorch's
 * grad mode is per thread and starts enabled on every new thread, so decoding or validating on a worker thread
 * would otherwise build (and hold) a backward graph through every trainable parameter.
 */
public final class NoGradScope implements AutoCloseable {
    private final boolean previous;

    private NoGradScope() {
        previous = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
    }

    public static NoGradScope enter() {
        return new NoGradScope();
    }

    @Override
    public void close() {
        JniUtils.setGradMode(previous);
    }
}
