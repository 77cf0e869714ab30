package dev.elmstudio.engine.cav;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.elmstudio.engine.eval.Vectors;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CavTrainerTest {

    private static final int DIM = 16;
    private static final int ITEMS = 300;

    @Test
    void attributeCarriedByOneCoordinateIsFoundAndSignificant() {
        SplittableRandom random = new SplittableRandom(1);
        boolean[] labels = new boolean[ITEMS];
        List<float[]> embeddings = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            labels[i] = random.nextDouble() < 0.3; // imbalanced on purpose
            float[] e = noise(random);
            e[3] = (float) ((labels[i] ? 1 : -1) + 0.3 * random.nextGaussian()); // coordinate 3 carries it
            embeddings.add(e);
        }
        Cav cav = new CavTrainer(0.01, 0.3, 20, 7).train("funny", embeddings, labels);

        assertTrue(cav.heldOutAccuracy() > 0.9, "accuracy " + cav.heldOutAccuracy());
        assertTrue(cav.heldOutBalancedAccuracy() > 0.9, "balanced accuracy " + cav.heldOutBalancedAccuracy());
        assertEquals(1.0 / 21, cav.pValue(), 1e-12); // no random direction does as well: the floor 1/(N+1)
        assertEquals(20, cav.randomBalancedAccuracies().length);
        assertEquals(1.0, Math.sqrt(Vectors.dot(cav.direction(), cav.direction())), 1e-6);
        assertTrue(cav.direction()[3] > 0.9, "the CAV points along coordinate 3");
        assertEquals(ITEMS, cav.trainItems() + cav.testItems());
    }

    @Test
    void pureNoiseGivesChanceAccuracyAndNoSignificance() {
        int significant = 0;
        double accuracySum = 0;
        int seeds = 5;
        for (int seed = 0; seed < seeds; seed++) {
            SplittableRandom random = new SplittableRandom(100 + seed);
            boolean[] labels = new boolean[ITEMS];
            List<float[]> embeddings = new ArrayList<>();
            for (int i = 0; i < ITEMS; i++) {
                labels[i] = random.nextBoolean();
                embeddings.add(noise(random));
            }
            Cav cav = new CavTrainer(0.01, 0.3, 20, seed).train("noise", embeddings, labels);
            accuracySum += cav.heldOutBalancedAccuracy();
            if (cav.pValue() < 0.05) {
                significant++;
            }
        }
        assertEquals(0.5, accuracySum / seeds, 0.08);
        assertTrue(significant <= 1, significant + " of " + seeds + " noise attributes came out significant");
    }

    @Test
    void sameSeedSameCav() {
        SplittableRandom random = new SplittableRandom(9);
        boolean[] labels = new boolean[60];
        List<float[]> embeddings = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % 2 == 0;
            embeddings.add(noise(random));
        }
        Cav a = new CavTrainer(0.1, 0.3, 20, 3).train("x", embeddings, labels);
        Cav b = new CavTrainer(0.1, 0.3, 20, 3).train("x", embeddings, labels);
        assertArrayEquals(a.direction(), b.direction());
        assertArrayEquals(a.randomBalancedAccuracies(), b.randomBalancedAccuracies());
        assertEquals(a.pValue(), b.pValue());
    }

    @Test
    void splitKeepsBothClassesInBothParts() {
        boolean[] labels = {true, false, false, false, false, true, false, false, false, false};
        StratifiedSplit split = StratifiedSplit.of(labels, 0.3, 1);
        assertEquals(10, split.train().length + split.test().length);
        assertTrue(countPositives(labels, split.train()) == 1 && countPositives(labels, split.test()) == 1);
    }

    @Test
    void tooFewRandomDirectionsOrPositivesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new CavTrainer(0.01, 0.3, 19, 1));
        assertThrows(IllegalArgumentException.class, () -> StratifiedSplit.of(new boolean[] {true, false, false}, 0.3, 1));
    }

    private static int countPositives(boolean[] labels, int[] rows) {
        int count = 0;
        for (int row : rows) {
            count += labels[row] ? 1 : 0;
        }
        return count;
    }

    private static float[] noise(SplittableRandom random) {
        float[] e = new float[DIM];
        for (int i = 0; i < DIM; i++) {
            e[i] = (float) random.nextGaussian();
        }
        return e;
    }
}
