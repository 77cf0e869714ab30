package dev.elmstudio.engine.lm;

/**
 * How a Llama-family model stretches its rotary frequencies beyond the context it was pretrained on. Only the
 * inverse frequencies change; cos and sin are not rescaled (attention factor 1 for both kinds below).
 *
 * <ul>
 *   <li>{@link Kind#NONE}: θ^(-2j/hd) as is.
 *   <li>{@link Kind#LINEAR}: every inverse frequency divided by {@code factor} (position interpolation; the same
 *       as dividing positions by the factor).
 *   <li>{@link Kind#LLAMA3}: Meta's Llama 3.1 rule (its reference {@code apply_scaling}, transformers'
 *       {@code _compute_llama3_parameters}). With wavelength λ = 2π / f, low-frequency wavelength
 *       L = original / lowFreqFactor and high-frequency wavelength H = original / highFreqFactor: λ &lt; H keeps f;
 *       λ &gt; L uses f / factor; in between, s = (original / λ − lowFreqFactor) / (highFreqFactor − lowFreqFactor)
 *       blends them as (1 − s)·f / factor + s·f.
 * </ul>
 *
 * @param kind which rule
 * @param factor the stretch (&gt; 0; 1 for NONE)
 * @param lowFreqFactor Llama 3 only (0 otherwise)
 * @param highFreqFactor Llama 3 only, &gt; lowFreqFactor (0 otherwise)
 * @param originalMaxPositions Llama 3 only: the pretraining context ({@code original_max_position_embeddings})
 */
public record RopeScaling(Kind kind, double factor, double lowFreqFactor, double highFreqFactor,
        int originalMaxPositions) {

    /** Plain RoPE. */
    public static final RopeScaling NONE = new RopeScaling(Kind.NONE, 1.0, 0, 0, 0);

    /** The scaling rules the engine implements; names are transformers' {@code rope_type} values. */
    public enum Kind {
        NONE("default"),
        LINEAR("linear"),
        LLAMA3("llama3");

        private final String hfName;

        Kind(String hfName) {
            this.hfName = hfName;
        }

        /** transformers' {@code rope_type}. */
        public String hfName() {
            return hfName;
        }
    }

    public RopeScaling {
        if (kind == null) {
            throw new IllegalArgumentException("rope scaling kind is required (NONE, LINEAR or LLAMA3)");
        }
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("rope scaling factor must be a positive number, got " + factor);
        }
        if (kind == Kind.LLAMA3) {
            if (!(lowFreqFactor > 0) || !(highFreqFactor > lowFreqFactor)) {
                throw new IllegalArgumentException("llama3 rope scaling needs 0 < low_freq_factor < high_freq_factor,"
                        + " got " + lowFreqFactor + " and " + highFreqFactor);
            }
            if (originalMaxPositions <= 0) {
                throw new IllegalArgumentException("llama3 rope scaling needs original_max_position_embeddings > 0,"
                        + " got " + originalMaxPositions);
            }
        }
    }

    public static RopeScaling linear(double factor) {
        return new RopeScaling(Kind.LINEAR, factor, 0, 0, 0);
    }

    public static RopeScaling llama3(double factor, double lowFreqFactor, double highFreqFactor,
            int originalMaxPositions) {
        return new RopeScaling(Kind.LLAMA3, factor, lowFreqFactor, highFreqFactor, originalMaxPositions);
    }

    /** The inverse frequency of rotary pair j (0 ≤ j &lt; hd/2) after scaling. */
    public double inverseFrequency(int j, int headDim, double theta) {
        double f = Math.pow(theta, -2.0 * j / headDim);
        return switch (kind) {
            case NONE -> f;
            case LINEAR -> f / factor;
            case LLAMA3 -> llama3(f);
        };
    }

    private double llama3(double f) {
        double wavelength = 2 * Math.PI / f;
        double highFrequencyWavelength = originalMaxPositions / highFreqFactor;
        double lowFrequencyWavelength = originalMaxPositions / lowFreqFactor;
        if (wavelength < highFrequencyWavelength) {
            return f;
        }
        if (wavelength > lowFrequencyWavelength) {
            return f / factor;
        }
        double smooth = (originalMaxPositions / wavelength - lowFreqFactor) / (highFreqFactor - lowFreqFactor);
        return (1 - smooth) * f / factor + smooth * f;
    }
}
