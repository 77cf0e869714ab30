package dev.elmstudio.engine.elm;

/**
 * Shape of an adapter E_A: a two-layer MLP from an embedding space of dimension {@code inputDim} to
 * {@code tokens} (ℓ) positions of the LM's token-embedding space (width {@code outputDim}).
 *
 * @param inputDim d, the embedding space's dimension
 * @param hiddenDim width of the hidden layer
 * @param outputDim D, the LM's hidden size
 * @param tokens ℓ ≥ 1 token positions per vector (the paper uses 1)
 * @param activation hidden non-linearity
 * @param initStd standard deviation of the second layer's initial weights: the scale of E_A(w) at the start,
 *     comparable with the LM's token embeddings (0.02 for GPT-2 style models)
 */
public record AdapterConfig(int inputDim, int hiddenDim, int outputDim, int tokens, Activation activation,
        double initStd) {

    /** Hidden non-linearity of the adapter. */
    public enum Activation {
        GELU,
        RELU,
        TANH,
        SILU
    }

    public AdapterConfig {
        requirePositive("inputDim", inputDim);
        requirePositive("hiddenDim", hiddenDim);
        requirePositive("outputDim", outputDim);
        requirePositive("tokens (ℓ)", tokens);
        if (activation == null) {
            throw new IllegalArgumentException("adapter activation is required (GELU, RELU, TANH or SILU)");
        }
        if (!(initStd > 0) || Double.isInfinite(initStd)) {
            throw new IllegalArgumentException("adapter initStd must be a positive finite number, got " + initStd);
        }
    }

    /** The paper's adapter: one token position, GELU, hidden width {@code hiddenDim}. */
    public static AdapterConfig of(int inputDim, int hiddenDim, int outputDim) {
        return new AdapterConfig(inputDim, hiddenDim, outputDim, 1, Activation.GELU, 0.02);
    }

    public AdapterConfig withTokens(int ell) {
        return new AdapterConfig(inputDim, hiddenDim, outputDim, ell, activation, initStd);
    }

    public AdapterConfig withActivation(Activation act) {
        return new AdapterConfig(inputDim, hiddenDim, outputDim, tokens, act, initStd);
    }

    public AdapterConfig withInitStd(double std) {
        return new AdapterConfig(inputDim, hiddenDim, outputDim, tokens, activation, std);
    }

    private static void requirePositive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException("adapter " + name + " must be > 0, got " + value);
        }
    }
}
