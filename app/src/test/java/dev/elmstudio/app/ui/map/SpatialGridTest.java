package dev.elmstudio.app.ui.map;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SpatialGridTest {

    @Test
    void findsTheSameNearestPointAsAFullScanForRandomQueries() {
        Random random = new Random(7);
        int n = 20_000;
        float[] x = new float[n];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            // Clustered, not uniform: dense and empty cells both occur, as on a real map.
            x[i] = (float) (random.nextGaussian() + (i % 3) * 4);
            y[i] = (float) (random.nextGaussian() * 0.5 + (i % 5));
        }
        SpatialGrid grid = new SpatialGrid(x, y);
        for (int q = 0; q < 2_000; q++) {
            double px = random.nextDouble() * 14 - 3;
            double py = random.nextDouble() * 7 - 1.5;
            double radius = random.nextDouble() * 0.3;
            assertEquals(bruteForce(x, y, px, py, radius), grid.nearest(px, py, radius), "query " + q);
        }
    }

    @Test
    void prefersThePointDrawnOnTopWhenTwoCoincide() {
        SpatialGrid grid = new SpatialGrid(new float[] {1, 1, 5}, new float[] {1, 1, 5});
        assertEquals(1, grid.nearest(1, 1, 0.5));
    }

    @Test
    void answersNoneOutsideTheRadiusAndForAnEmptyGrid() {
        SpatialGrid grid = new SpatialGrid(new float[] {0, 10}, new float[] {0, 10});
        assertEquals(-1, grid.nearest(5, 5, 1));
        assertEquals(0, grid.nearest(-0.5, 0, 1));
        assertEquals(-1, new SpatialGrid(new float[0], new float[0]).nearest(0, 0, 1));
    }

    private static int bruteForce(float[] x, float[] y, double px, double py, double radius) {
        int best = -1;
        double bestDistance = radius * radius;
        for (int i = 0; i < x.length; i++) {
            double distance = (x[i] - px) * (x[i] - px) + (y[i] - py) * (y[i] - py);
            if (distance < bestDistance || (distance == bestDistance && i > best)) {
                best = i;
                bestDistance = distance;
            }
        }
        return best;
    }
}
