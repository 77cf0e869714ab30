package dev.elmstudio.engine.data.task;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Seeded train/test splits of entity ids, as in the paper: movie tasks hold out a number of movies
 * (1,000 there), the user-profile task splits users 80/20. Both parts come back sorted.
 */
public final class Splits {

    /** @param train ids to train on; @param test ids held out */
    public record EntitySplit(int[] train, int[] test) { }

    private Splits() {
    }

    public static EntitySplit holdOut(int[] ids, int testCount, long seed) {
        if (testCount < 0 || testCount > ids.length) {
            throw new IllegalArgumentException("cannot hold out " + testCount + " of " + ids.length + " entities");
        }
        int[] shuffled = ids.clone();
        Arrays.sort(shuffled); // the input order must not change the split
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = shuffled.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = shuffled[i];
            shuffled[i] = shuffled[j];
            shuffled[j] = swap;
        }
        int[] test = Arrays.copyOfRange(shuffled, 0, testCount);
        int[] train = Arrays.copyOfRange(shuffled, testCount, shuffled.length);
        Arrays.sort(test);
        Arrays.sort(train);
        return new EntitySplit(train, test);
    }

    public static EntitySplit fraction(int[] ids, double trainFraction, long seed) {
        if (!(trainFraction > 0 && trainFraction < 1)) {
            throw new IllegalArgumentException("trainFraction must be in (0, 1), got " + trainFraction);
        }
        return holdOut(ids, (int) Math.round(ids.length * (1 - trainFraction)), seed);
    }
}
