package dev.elmstudio.engine.cav;

import dev.elmstudio.engine.eval.Vectors;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Learns a CAV for an attribute and tests it against random directions, as TCAV users expect.
 *
 * <ol>
 *   <li>Split the items into train and held-out parts, stratified by label ({@link StratifiedSplit}).</li>
 *   <li>Fit a class-balanced L2 logistic regression on the training embeddings
 *       ({@link LogisticRegression}); the CAV is its normal w/‖w‖.</li>
 *   <li>Score it by held-out balanced accuracy (chance = 0.5 whatever the class sizes).</li>
 *   <li>Null distribution: N random unit directions d (isotropic Gaussian, normalised, seeded). For
 *       each, project every item onto d and fit the same 1-D classifier (weight and threshold, so the
 *       sign is learned) on the training projections; record its held-out balanced accuracy. A random
 *       direction thus gets the same fitting freedom along its line as the CAV has along its own.</li>
 *   <li>One-sided permutation-style p-value: p = (1 + #{d : acc(d) ≥ acc(CAV)}) / (1 + N). The +1
 *       counts the CAV itself, so p is never 0 and its floor is 1/(N + 1): N = 20 can show p < 0.05,
 *       p < 0.01 needs N ≥ 99.</li>
 * </ol>
 * Everything is deterministic given the seed.
 */
public final class CavTrainer {

    public static final int MIN_RANDOM_DIRECTIONS = 20;

    private final double lambda;
    private final double testFraction;
    private final int randomDirections;
    private final long seed;

    public CavTrainer(double lambda, double testFraction, int randomDirections, long seed) {
        if (!(lambda > 0)) {
            throw new IllegalArgumentException("CAV: lambda must be > 0, got " + lambda);
        }
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("CAV: test fraction must be in (0, 1), got " + testFraction);
        }
        if (randomDirections < MIN_RANDOM_DIRECTIONS) {
            throw new IllegalArgumentException("CAV: needs at least " + MIN_RANDOM_DIRECTIONS
                    + " random directions for a meaningful p-value, got " + randomDirections);
        }
        this.lambda = lambda;
        this.testFraction = testFraction;
        this.randomDirections = randomDirections;
        this.seed = seed;
    }

    /** λ = 0.01, 30% held out, 100 random directions (p can reach 1/101 < 0.01). */
    public static CavTrainer defaults(long seed) {
        return new CavTrainer(0.01, 0.3, 100, seed);
    }

    /** @param hasAttribute one label per embedding: does the entity have the attribute? */
    public Cav train(String attribute, List<float[]> embeddings, boolean[] hasAttribute) {
        if (embeddings.size() != hasAttribute.length) {
            throw new IllegalArgumentException("CAV '" + attribute + "': " + embeddings.size() + " embeddings but "
                    + hasAttribute.length + " labels");
        }
        StratifiedSplit split = StratifiedSplit.of(hasAttribute, testFraction, seed);
        LogisticModel model = LogisticRegression.fit(embeddings, hasAttribute, split.train(), lambda);
        double balanced = model.balancedAccuracy(embeddings, hasAttribute, split.test());
        double[] randomAccuracies = randomDirectionAccuracies(embeddings, hasAttribute, split);
        int atLeastAsGood = 0;
        for (double accuracy : randomAccuracies) {
            if (accuracy >= balanced) {
                atLeastAsGood++;
            }
        }
        double pValue = (1.0 + atLeastAsGood) / (1.0 + randomAccuracies.length);
        return new Cav(attribute, directionOf(model, attribute), model,
                model.accuracy(embeddings, hasAttribute, split.test()), balanced,
                randomAccuracies, pValue, split.train().length, split.test().length);
    }

    private double[] randomDirectionAccuracies(List<float[]> embeddings, boolean[] labels, StratifiedSplit split) {
        int dim = embeddings.get(0).length;
        // a generator separate from the split's, so changing N does not move the split
        SplittableRandom random = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
        double[] accuracies = new double[randomDirections];
        for (int r = 0; r < randomDirections; r++) {
            float[] direction = randomUnitVector(dim, random);
            List<float[]> projections = new ArrayList<>(embeddings.size());
            for (float[] embedding : embeddings) {
                projections.add(new float[] {(float) Vectors.dot(direction, embedding)});
            }
            LogisticModel line = LogisticRegression.fit(projections, labels, split.train(), lambda);
            accuracies[r] = line.balancedAccuracy(projections, labels, split.test());
        }
        return accuracies;
    }

    static float[] randomUnitVector(int dim, SplittableRandom random) {
        float[] v = new float[dim];
        double norm;
        do { // an all-zero draw has probability 0 but would have no direction
            norm = 0;
            for (int i = 0; i < dim; i++) {
                v[i] = (float) random.nextGaussian();
                norm += v[i] * v[i];
            }
        } while (norm == 0);
        return Vectors.unit(v);
    }

    private static float[] directionOf(LogisticModel model, String attribute) {
        try {
            return Vectors.unit(model.weights());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("CAV '" + attribute + "': the classifier's weights are all zero; "
                    + "lower lambda or check the labels", e);
        }
    }
}
