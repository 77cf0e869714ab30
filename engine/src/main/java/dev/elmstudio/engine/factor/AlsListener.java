package dev.elmstudio.engine.factor;

/** Hears ALS progress and may stop it between half-sweeps. */
public interface AlsListener {
    AlsListener NONE = new AlsListener() { };

    /** After each full sweep (users then movies); {@code seconds} since training began. */
    default void onIteration(int iteration, int iterations, double seconds) { }

    default boolean cancelRequested() {
        return false;
    }
}
