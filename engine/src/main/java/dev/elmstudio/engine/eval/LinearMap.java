package dev.elmstudio.engine.eval;

/**
 * An affine map y = Wᵀ·x + b from one vector space to another (text-encoder space to behavioral
 * space, in BC for movies).
 *
 * @param weights W, shape [inputDim][outputDim]
 * @param bias    b, shape [outputDim]
 */
public record LinearMap(double[][] weights, double[] bias) {

    public LinearMap {
        if (weights.length == 0) {
            throw new IllegalArgumentException("linear map: no input dimensions");
        }
        for (double[] row : weights) {
            Checks.sameLength("linear map: every weight row must have outputDim entries", bias.length, row.length);
        }
    }

    public int inputDim() {
        return weights.length;
    }

    public int outputDim() {
        return bias.length;
    }

    public float[] apply(float[] x) {
        Checks.sameLength("linear map input", inputDim(), x.length);
        double[] y = bias.clone();
        for (int i = 0; i < x.length; i++) {
            if (x[i] == 0) {
                continue;
            }
            double[] row = weights[i];
            for (int j = 0; j < y.length; j++) {
                y[j] += x[i] * row[j];
            }
        }
        float[] out = new float[y.length];
        for (int j = 0; j < y.length; j++) {
            out[j] = (float) y[j];
        }
        return out;
    }
}
