package dev.elmstudio.engine.eval;

import java.util.List;

/**
 * Semantic consistency, the paper's SC(o, w_s) = cos(P(o), w_s): encode the generated text o with
 * the encoder that built the semantic space and take the cosine with the input's semantic
 * embedding w_s. Range [−1, 1]; NaN when the encoding or w_s is the zero vector.
 */
public final class SemanticConsistency {

    private final TextEmbedder encoder;

    public SemanticConsistency(TextEmbedder encoder) {
        if (encoder == null) {
            throw new IllegalArgumentException("semantic consistency: encoder is null");
        }
        this.encoder = encoder;
    }

    public double score(String output, float[] semanticEmbedding) {
        return Vectors.cosine(encoder.encode(output), semanticEmbedding);
    }

    /** SC for each (output, embedding) pair, encoding the outputs in one batch. */
    public double[] scoreAll(List<String> outputs, List<float[]> semanticEmbeddings) {
        Checks.sameLength("semantic consistency", outputs.size(), semanticEmbeddings.size());
        List<float[]> encoded = encoder.encodeAll(outputs);
        Checks.sameLength("semantic consistency (encoder output)", outputs.size(), encoded.size());
        double[] scores = new double[outputs.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = Vectors.cosine(encoded.get(i), semanticEmbeddings.get(i));
        }
        return scores;
    }
}
