package dev.elmstudio.engine.cav;

import dev.elmstudio.engine.eval.Cholesky;
import java.util.List;

/**
 * Class-balanced, L2-regularised logistic regression fitted by Newton's method (IRLS) with a
 * backtracking step; deterministic, no learning rate to tune.
 *
 * <p>Minimises, over w and b (b not penalised):
 * <pre>
 *   L(w, b) = Σ_i s_i · [log(1 + e^{z_i}) − y_i·z_i] + (λ/2)·‖w‖²,   z_i = w·x_i + b
 *   s_i     = 1 / (2·n_c)   where n_c is the size of item i's class
 * </pre>
 * so each class carries half of the total weight 1 (class-balanced) and λ does not depend on n.
 * λ must be > 0: it keeps the optimum finite on separable data, which embeddings often are.
 */
public final class LogisticRegression {

    private static final int MAX_NEWTON_STEPS = 100;
    private static final double STEP_TOLERANCE = 1e-9;
    private static final double BIAS_CURVATURE_FLOOR = 1e-10; // keeps the Hessian SPD when every point is saturated

    private LogisticRegression() { }

    /** Fits on the given rows of {@code x} only (the training split). */
    public static LogisticModel fit(List<float[]> x, boolean[] labels, int[] rows, double lambda) {
        if (!(lambda > 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("logistic regression: lambda must be finite and > 0, got " + lambda);
        }
        if (x.size() != labels.length) {
            throw new IllegalArgumentException("logistic regression: " + x.size() + " embeddings but " + labels.length + " labels");
        }
        int[] classSizes = new int[2];
        for (int row : rows) {
            classSizes[labels[row] ? 1 : 0]++;
        }
        if (classSizes[0] == 0 || classSizes[1] == 0) {
            throw new IllegalArgumentException("logistic regression: training rows need both classes (negatives "
                    + classSizes[0] + ", positives " + classSizes[1] + ")");
        }
        int p = x.get(rows[0]).length;
        double[] weight = new double[rows.length];
        for (int r = 0; r < rows.length; r++) {
            weight[r] = 1.0 / (2 * classSizes[labels[rows[r]] ? 1 : 0]);
        }

        double[] theta = new double[p + 1]; // (w, b)
        double loss = loss(theta, x, labels, rows, weight, lambda);
        for (int step = 0; step < MAX_NEWTON_STEPS; step++) {
            double[] gradient = new double[p + 1];
            double[][] hessian = new double[p + 1][p + 1];
            for (int r = 0; r < rows.length; r++) {
                float[] xi = x.get(rows[r]);
                double sigma = sigmoid(logit(theta, xi));
                double residual = weight[r] * (sigma - (labels[rows[r]] ? 1 : 0));
                double curvature = weight[r] * sigma * (1 - sigma);
                for (int i = 0; i <= p; i++) {
                    double xI = i < p ? xi[i] : 1;
                    gradient[i] += residual * xI;
                    for (int j = 0; j <= i; j++) {
                        hessian[i][j] += curvature * xI * (j < p ? xi[j] : 1);
                    }
                }
            }
            for (int i = 0; i < p; i++) {
                gradient[i] += lambda * theta[i];
                hessian[i][i] += lambda;
            }
            hessian[p][p] += BIAS_CURVATURE_FLOOR;

            double[] direction = new Cholesky(hessian).solve(gradient);
            // halve the Newton step until the loss does not rise: plain Newton can overshoot on saturated points
            double scale = 1;
            double[] candidate = new double[p + 1];
            double candidateLoss = Double.POSITIVE_INFINITY;
            for (int halving = 0; halving < 40; halving++) {
                for (int i = 0; i <= p; i++) {
                    candidate[i] = theta[i] - scale * direction[i];
                }
                candidateLoss = loss(candidate, x, labels, rows, weight, lambda);
                if (candidateLoss <= loss) {
                    break;
                }
                scale /= 2;
            }
            if (!(candidateLoss <= loss)) {
                break; // no descent left at machine precision
            }
            double largestChange = 0;
            for (int i = 0; i <= p; i++) {
                largestChange = Math.max(largestChange, Math.abs(candidate[i] - theta[i]));
            }
            theta = candidate.clone();
            loss = candidateLoss;
            if (largestChange < STEP_TOLERANCE) {
                break;
            }
        }
        float[] w = new float[p];
        for (int i = 0; i < p; i++) {
            w[i] = (float) theta[i];
        }
        return new LogisticModel(w, theta[p]);
    }

    private static double loss(double[] theta, List<float[]> x, boolean[] labels, int[] rows, double[] weight, double lambda) {
        int p = theta.length - 1;
        double total = 0;
        for (int r = 0; r < rows.length; r++) {
            double z = logit(theta, x.get(rows[r]));
            total += weight[r] * (softplus(z) - (labels[rows[r]] ? z : 0));
        }
        double norm = 0;
        for (int i = 0; i < p; i++) {
            norm += theta[i] * theta[i];
        }
        return total + 0.5 * lambda * norm;
    }

    private static double logit(double[] theta, float[] xi) {
        int p = theta.length - 1;
        if (xi.length != p) {
            throw new IllegalArgumentException("logistic regression: embedding has " + xi.length + " dimensions, expected " + p);
        }
        double z = theta[p];
        for (int i = 0; i < p; i++) {
            z += theta[i] * xi[i];
        }
        return z;
    }

    /** log(1 + e^z) without overflow. */
    static double softplus(double z) {
        return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    }

    static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }
}
