package dev.elmstudio.engine.encode;

import dev.elmstudio.engine.data.embedding.EmbeddingSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Builds a semantic embedding space as in the paper: each entity's texts (plot, descriptions,
 * reviews) are encoded and the vectors averaged. Texts are sent to the encoder in batches, with
 * cancel checked between batches.
 */
public final class SemanticEmbeddings {
    private SemanticEmbeddings() {
    }

    /** Hears progress between batches. */
    @FunctionalInterface
    public interface Progress {
        void onBatch(int textsDone, int textsTotal);
    }

    /**
     * @param textsByEntity entity id → its texts (at least one each), in the order rows should take
     * @param cancelled polled between batches; true stops with {@link CancellationException}
     */
    public static EmbeddingSpace build(String name, Map<Integer, List<String>> textsByEntity, TextEncoder encoder, int batchSize,
            Progress progress, BooleanSupplier cancelled) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
        List<String> texts = new ArrayList<>();
        List<Integer> owner = new ArrayList<>();
        int[] ids = new int[textsByEntity.size()];
        int row = 0;
        for (Map.Entry<Integer, List<String>> entry : textsByEntity.entrySet()) {
            if (entry.getValue().isEmpty()) {
                throw new IllegalArgumentException("entity " + entry.getKey() + " has no texts to encode");
            }
            ids[row] = entry.getKey();
            for (String text : entry.getValue()) {
                texts.add(text);
                owner.add(row);
            }
            row++;
        }
        int d = encoder.dimension();
        float[] sums = new float[ids.length * d];
        int[] counts = new int[ids.length];
        for (int start = 0; start < texts.size(); start += batchSize) {
            if (cancelled != null && cancelled.getAsBoolean()) {
                throw new CancellationException("encoding cancelled after " + start + " of " + texts.size() + " texts");
            }
            int end = Math.min(texts.size(), start + batchSize);
            List<float[]> vectors = encoder.encode(texts.subList(start, end));
            for (int i = start; i < end; i++) {
                float[] v = vectors.get(i - start);
                if (v.length != d) {
                    throw new IllegalStateException(encoder.name() + " returned a vector of " + v.length + " values, expected " + d);
                }
                int r = owner.get(i);
                for (int k = 0; k < d; k++) {
                    sums[r * d + k] += v[k];
                }
                counts[r]++;
            }
            if (progress != null) {
                progress.onBatch(end, texts.size());
            }
        }
        for (int r = 0; r < ids.length; r++) {
            for (int k = 0; k < d; k++) {
                sums[r * d + k] /= counts[r];
            }
        }
        return new EmbeddingSpace(name, ids, sums, d);
    }
}
