package dev.elmstudio.engine.explore;

import dev.elmstudio.engine.cav.Cav;

/**
 * A trained CAV with the space's spread along it, so a slider can speak in a unit that means the same in every
 * space: α = 1 moves a point by one standard deviation of the entities' projections on the direction.
 *
 * @param spread standard deviation of {@code <row, direction>} over the space's rows (> 0)
 */
public record ConceptDirection(Cav cav, double spread) {

    /** {@code vector + α·spread·direction}. */
    public float[] shift(float[] vector, double alpha) {
        return VectorMoves.shift(vector, cav.direction(), alpha * spread);
    }
}
