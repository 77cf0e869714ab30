package dev.elmstudio.engine.explore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.elmstudio.engine.data.embedding.EmbeddingSpace;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The vector arithmetic under Explore: moves, nearest entities, the map plane. */
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

    @Test
    void thePlaneFollowsTheTwoWidestDirections() {
        // A cloud stretched 10× along (1, 1, 0)/√2 and 3× along z; x − y is almost flat.
        SplittableRandom random = new SplittableRandom(5);
        int n = 400;
        float[] v = new float[n * 3];
        for (int i = 0; i < n; i++) {
            double u = 10 * random.nextGaussian();
            double w = 3 * random.nextGaussian();
            double e = 0.1 * random.nextGaussian();
            v[i * 3] = (float) (u / Math.sqrt(2) + e + 5);
            v[i * 3 + 1] = (float) (u / Math.sqrt(2) - e);
            v[i * 3 + 2] = (float) w;
        }
        PrincipalPlane plane = PrincipalPlane.fit(new EmbeddingSpace("cloud", ids(n), v, 3));
        double[] origin = plane.project(new float[] {5, 0, 0});
        double[] alongFirst = plane.project(new float[] {5 + 1 / (float) Math.sqrt(2), 1 / (float) Math.sqrt(2), 0});
        double[] alongZ = plane.project(new float[] {5, 0, 1});
        assertEquals(1.0, Math.abs(alongFirst[0] - origin[0]), 0.01, "first axis is the long direction");
        assertEquals(0.0, alongFirst[1] - origin[1], 0.01);
        assertEquals(1.0, Math.abs(alongZ[1] - origin[1]), 0.01, "second axis is z");
        // Linear: a point halfway between two vectors lands halfway between their map positions.
        float[] p = {1, 2, 3};
        float[] q = {-4, 0, 2};
        double[] mid = plane.project(VectorMoves.between(p, q, 0.5));
        double[] pp = plane.project(p);
        double[] qq = plane.project(q);
        assertEquals((pp[0] + qq[0]) / 2, mid[0], 1e-5);
        assertEquals((pp[1] + qq[1]) / 2, mid[1], 1e-5);
    }

    private static int[] ids(int n) {
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) {
            ids[i] = i + 1;
        }
        return ids;
    }
}
