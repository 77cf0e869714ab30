package dev.elmstudio.engine.eval;

/** The model under test for a sweep: an ELM (or a baseline) that writes text for an embedding. */
@FunctionalInterface
public interface VectorDescriber {

    String describe(float[] embedding);
}
