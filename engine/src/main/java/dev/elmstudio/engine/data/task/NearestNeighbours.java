package dev.elmstudio.engine.data.task;

import dev.elmstudio.engine.data.embedding.EmbeddingSpace;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntUnaryOperator;

/**
 * Each entity's nearest other entity by cosine similarity, for the paper's "nn" tasks (the paper
 * uses the semantic space). Exact and quadratic: fine for thousands of movies, not for ML-25M's
 * 62k (that would want an approximate index).
 */
public final class NearestNeighbours {
    private NearestNeighbours() {
    }

    public static IntUnaryOperator of(EmbeddingSpace space) {
        int n = space.size();
        int d = space.dimension();
        float[] v = space.vectors();
        double[] norms = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int k = 0; k < d; k++) {
                s += (double) v[i * d + k] * v[i * d + k];
            }
            norms[i] = Math.sqrt(s) + 1e-12;
        }
        Map<Integer, Integer> nearest = new HashMap<>();
        for (int i = 0; i < n; i++) {
            int best = -1;
            double bestSimilarity = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                if (j == i) {
                    continue;
                }
                double dot = 0;
                for (int k = 0; k < d; k++) {
                    dot += v[i * d + k] * v[j * d + k];
                }
                double similarity = dot / (norms[i] * norms[j]);
                if (similarity > bestSimilarity) {
                    bestSimilarity = similarity;
                    best = j;
                }
            }
            if (best >= 0) {
                nearest.put(space.ids()[i], space.ids()[best]);
            }
        }
        return id -> nearest.getOrDefault(id, id);
    }
}
