package dev.elmstudio.app.ui.map;

/**
 * Maps a vector of the embedding space to the map's 2-D coordinates, the same way the map's points were
 * placed (for PCA: {@code pca::project}). The map uses it to place a probe vector that was never fitted,
 * e.g. the point that moves as the Explore panel's slider moves.
 */
@FunctionalInterface
public interface Projector {

    /** Returns {@code {x, y}}. */
    double[] project(float[] vector);
}
