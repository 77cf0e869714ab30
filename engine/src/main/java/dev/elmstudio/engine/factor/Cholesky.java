package dev.elmstudio.engine.factor;

/**
 * Solves A·x = b for a small symmetric positive-definite A (d × d, row-major, d ≤ a few hundred)
 * in place. ALS solves one such system per user and per movie; λ·I in A keeps it positive definite.
 */
final class Cholesky {
    private Cholesky() {
    }

    /**
     * Overwrites {@code a}'s lower triangle with L (A = L·Lᵀ) and {@code b} with the solution.
     * Only the lower triangle of {@code a} is read.
     */
    static void solveInPlace(double[] a, double[] b, int d) {
        for (int j = 0; j < d; j++) {
            double diagonal = a[j * d + j];
            for (int k = 0; k < j; k++) {
                diagonal -= a[j * d + k] * a[j * d + k];
            }
            if (!(diagonal > 0)) {
                throw new ArithmeticException("matrix is not positive definite at column " + j + " (pivot " + diagonal
                        + "); raise the regularization");
            }
            double ljj = Math.sqrt(diagonal);
            a[j * d + j] = ljj;
            for (int i = j + 1; i < d; i++) {
                double sum = a[i * d + j];
                for (int k = 0; k < j; k++) {
                    sum -= a[i * d + k] * a[j * d + k];
                }
                a[i * d + j] = sum / ljj;
            }
        }
        for (int i = 0; i < d; i++) { // L·y = b
            double sum = b[i];
            for (int k = 0; k < i; k++) {
                sum -= a[i * d + k] * b[k];
            }
            b[i] = sum / a[i * d + i];
        }
        for (int i = d - 1; i >= 0; i--) { // Lᵀ·x = y
            double sum = b[i];
            for (int k = i + 1; k < d; k++) {
                sum -= a[k * d + i] * b[k];
            }
            b[i] = sum / a[i * d + i];
        }
    }
}
