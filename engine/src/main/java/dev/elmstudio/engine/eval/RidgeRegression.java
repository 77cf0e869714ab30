package dev.elmstudio.engine.eval;

import java.util.List;

/**
 * Multi-output ridge regression in closed form, written here (a p×p Cholesky solve) rather than
 * pulled from a library: the engine needs only this one solve.
 *
 * <p>With inputs X (n×p) and targets Y (n×q), both centred by their column means x̄ and ȳ:
 * <pre>
 *   W = (XcᵀXc + λ·I)⁻¹ · XcᵀYc        b = ȳ − Wᵀ·x̄
 * </pre>
 * so the intercept b is not shrunk. λ = 0 is allowed when XcᵀXc is positive definite (n > p and no
 * collinear inputs); otherwise the solve fails and asks for a larger λ.
 */
public final class RidgeRegression {

    private RidgeRegression() { }

    public static LinearMap fit(List<float[]> inputs, List<float[]> targets, double lambda) {
        Checks.sameLength("ridge: inputs and targets", inputs.size(), targets.size());
        Checks.notEmpty("ridge", inputs.size());
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("ridge: lambda must be finite and >= 0, got " + lambda);
        }
        int n = inputs.size();
        int p = inputs.get(0).length;
        int q = targets.get(0).length;
        double[] meanX = columnMeans(inputs, p, "ridge input");
        double[] meanY = columnMeans(targets, q, "ridge target");

        double[][] gram = new double[p][p]; // XcᵀXc + λI
        double[][] cross = new double[p][q]; // XcᵀYc
        double[] xc = new double[p];
        for (int r = 0; r < n; r++) {
            float[] x = inputs.get(r);
            float[] y = targets.get(r);
            for (int i = 0; i < p; i++) {
                xc[i] = x[i] - meanX[i];
            }
            for (int i = 0; i < p; i++) {
                for (int j = 0; j <= i; j++) {
                    gram[i][j] += xc[i] * xc[j];
                }
                for (int j = 0; j < q; j++) {
                    cross[i][j] += xc[i] * (y[j] - meanY[j]);
                }
            }
        }
        for (int i = 0; i < p; i++) {
            gram[i][i] += lambda;
        }

        Cholesky solver = new Cholesky(gram);
        double[][] weights = new double[p][q];
        double[] column = new double[p];
        for (int j = 0; j < q; j++) {
            for (int i = 0; i < p; i++) {
                column[i] = cross[i][j];
            }
            double[] solved = solver.solve(column);
            for (int i = 0; i < p; i++) {
                weights[i][j] = solved[i];
            }
        }
        double[] bias = meanY.clone();
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < q; j++) {
                bias[j] -= weights[i][j] * meanX[i];
            }
        }
        return new LinearMap(weights, bias);
    }

    private static double[] columnMeans(List<float[]> rows, int dim, String what) {
        double[] mean = new double[dim];
        for (int r = 0; r < rows.size(); r++) {
            float[] row = rows.get(r);
            Checks.sameLength(what + " row " + r, dim, row.length);
            for (int i = 0; i < dim; i++) {
                mean[i] += row[i];
            }
        }
        for (int i = 0; i < dim; i++) {
            mean[i] /= rows.size();
        }
        return mean;
    }
}
