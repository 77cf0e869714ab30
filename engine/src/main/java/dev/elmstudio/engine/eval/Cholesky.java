package dev.elmstudio.engine.eval;

/**
 * Solves A·X = B for symmetric positive-definite A by the factorisation A = L·Lᵀ, then forward
 * and back substitution. Used for ridge and Newton systems, whose matrices are SPD by construction
 * (a Gram matrix plus λ·I); a failure means λ is too small for the data.
 */
public final class Cholesky {

    private static final double SINGULAR_TOLERANCE = 1e-10;

    private final double[][] lower;

    /** Factorises {@code a} (n×n, read only the lower triangle); throws when it is not positive definite. */
    public Cholesky(double[][] a) {
        int n = a.length;
        for (double[] row : a) {
            Checks.sameLength("cholesky: matrix must be square", n, row.length);
        }
        lower = new double[n][n];
        for (int j = 0; j < n; j++) {
            double diagonal = a[j][j];
            for (int k = 0; k < j; k++) {
                diagonal -= lower[j][k] * lower[j][k];
            }
            // a pivot lost to rounding (relative to its diagonal entry) means singular in practice
            if (!(diagonal > SINGULAR_TOLERANCE * Math.abs(a[j][j]))) {
                throw new IllegalArgumentException("cholesky: matrix is not positive definite (pivot " + j
                        + " = " + diagonal + "); raise the regularisation");
            }
            lower[j][j] = Math.sqrt(diagonal);
            for (int i = j + 1; i < n; i++) {
                double sum = a[i][j];
                for (int k = 0; k < j; k++) {
                    sum -= lower[i][k] * lower[j][k];
                }
                lower[i][j] = sum / lower[j][j];
            }
        }
    }

    /** x with A·x = b. */
    public double[] solve(double[] b) {
        int n = lower.length;
        Checks.sameLength("cholesky solve", n, b.length);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) { // L·y = b
            double sum = b[i];
            for (int k = 0; k < i; k++) {
                sum -= lower[i][k] * y[k];
            }
            y[i] = sum / lower[i][i];
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) { // Lᵀ·x = y
            double sum = y[i];
            for (int k = i + 1; k < n; k++) {
                sum -= lower[k][i] * x[k];
            }
            x[i] = sum / lower[i][i];
        }
        return x;
    }
}
