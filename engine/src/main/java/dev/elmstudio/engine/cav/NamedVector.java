package dev.elmstudio.engine.cav;

/**
 * An entity to sweep from: its readable name and its embedding.
 *
 * @param name      "Toy Story (1995)", "user 42"
 * @param embedding its vector, in the CAV's space
 */
public record NamedVector(String name, float[] embedding) { }
