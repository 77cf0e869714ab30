package dev.elmstudio.engine.cav;

import dev.elmstudio.engine.eval.Vectors;
import java.util.List;

/**
 * A linear classifier: logit(x) = w·x + b, positive when the logit is > 0.
 *
 * @param weights w, one per embedding dimension
 * @param bias    b
 */
public record LogisticModel(float[] weights, double bias) {

    public double logit(float[] x) {
        return Vectors.dot(weights, x) + bias;
    }

    public boolean predicts(float[] x) {
        return logit(x) > 0;
    }

    /**
     * Mean of the per-class recalls over the given rows, so a majority-class guess scores 0.5
     * whatever the class sizes; NaN when the rows hold only one class.
     */
    public double balancedAccuracy(List<float[]> x, boolean[] labels, int[] rows) {
        int[] correct = new int[2];
        int[] total = new int[2];
        for (int row : rows) {
            int label = labels[row] ? 1 : 0;
            total[label]++;
            if (predicts(x.get(row)) == labels[row]) {
                correct[label]++;
            }
        }
        if (total[0] == 0 || total[1] == 0) {
            return Double.NaN;
        }
        return 0.5 * ((double) correct[0] / total[0] + (double) correct[1] / total[1]);
    }

    /** Plain fraction of the given rows classified correctly. */
    public double accuracy(List<float[]> x, boolean[] labels, int[] rows) {
        int correct = 0;
        for (int row : rows) {
            if (predicts(x.get(row)) == labels[row]) {
                correct++;
            }
        }
        return (double) correct / rows.length;
    }
}
