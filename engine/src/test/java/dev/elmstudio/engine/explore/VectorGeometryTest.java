package dev.elmstudio.engine.explore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.elmstudio.engine.data.embedding.EmbeddingSpace;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The vector arithmetic under Explore: moves and nearest entities. */
class VectorGeometryTest {

    @Test
    void interpolationHitsBothEndsExactlyAndShiftMovesAlongTheDirection() {
        float[] a = {0.1f, 0.7f, -0.3f};
        float[] b = {0.9f, -0.2f, 0.33f};
        assertArrayEquals(a, VectorMoves.between(a, b, 0));
        assertArrayEquals(b, VectorMoves.between(a, b, 1));
        assertArrayEquals(new float[] {0.5f, 0.25f, 0.015f}, VectorMoves.between(a, b, 0.5), 1e-6f);
        assertArrayEquals(new float[] {0.1f, 1.7f, -0.3f}, VectorMoves.shift(a, new float[] {0, 1, 0}, 1.0), 1e-6f);
        assertThrows(IllegalArgumentException.class, () -> VectorMoves.between(a, new float[2], 0.5));
    }

    @Test
    void nearestEntitiesAreRankedByCosineWithTiesByRow() {
        EmbeddingSpace space = new EmbeddingSpace("s", new int[] {7, 8, 9, 10},
                new float[] {1, 0, 0, 1, 2, 0, -1, 0}, 2);
        List<NearestEntities.Neighbour> nearest = new NearestEntities(space).nearest(new float[] {3, 0}, 3);
        assertEquals(List.of(7, 9, 8), nearest.stream().map(NearestEntities.Neighbour::id).toList());
        assertEquals(1.0, nearest.get(0).cosine(), 1e-12);
        assertEquals(0.0, nearest.get(2).cosine(), 1e-12);
        assertEquals(4, new NearestEntities(space).nearest(new float[] {0, 1}, 10).size());
    }
}
