package dev.elmstudio.engine.explore;

import dev.elmstudio.engine.data.embedding.EmbeddingSpace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The real entities closest to any vector by cosine similarity. Brute force over the rows with their norms computed
 * once: 100k rows × 64 dimensions is a few milliseconds, well below what an index would be worth here.
 */
public final class NearestEntities {

    /** One neighbour: the entity, its row in the space and its cosine with the query. */
    public record Neighbour(int id, int row, double cosine) {}

    private final EmbeddingSpace space;
    private final double[] norms;

    public NearestEntities(EmbeddingSpace space) {
        this.space = space;
        int d = space.dimension();
        float[] v = space.vectors();
        norms = new double[space.size()];
        for (int row = 0; row < norms.length; row++) {
            double sum = 0;
            for (int k = 0; k < d; k++) {
                double x = v[row * d + k];
                sum += x * x;
            }
            norms[row] = Math.sqrt(sum);
        }
    }

    /** The {@code k} rows of highest cosine with {@code query}, best first (ties: lower row first). */
    public List<Neighbour> nearest(float[] query, int k) {
        int d = space.dimension();
        if (query.length != d) {
            throw new IllegalArgumentException("query has dimension " + query.length + ", space '" + space.name()
                    + "' has " + d);
        }
        double queryNorm = 0;
        for (float x : query) {
            queryNorm += (double) x * x;
        }
        queryNorm = Math.sqrt(queryNorm);
        Comparator<Neighbour> worstFirst = Comparator.comparingDouble(Neighbour::cosine)
                .thenComparing(Comparator.comparingInt(Neighbour::row).reversed());
        PriorityQueue<Neighbour> best = new PriorityQueue<>(worstFirst);
        float[] v = space.vectors();
        for (int row = 0; row < norms.length && k > 0; row++) {
            double dot = 0;
            int base = row * d;
            for (int i = 0; i < d; i++) {
                dot += (double) v[base + i] * query[i];
            }
            double denominator = norms[row] * queryNorm;
            double cosine = denominator == 0 ? 0 : dot / denominator;
            if (best.size() < k) {
                best.add(new Neighbour(space.ids()[row], row, cosine));
            } else if (cosine > best.peek().cosine()) {
                best.poll();
                best.add(new Neighbour(space.ids()[row], row, cosine));
            }
        }
        List<Neighbour> sorted = new ArrayList<>(best);
        sorted.sort(worstFirst.reversed());
        return sorted;
    }
}
