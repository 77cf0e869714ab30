package dev.elmstudio.engine.explore;

import dev.elmstudio.engine.cav.CavTrainer;
import dev.elmstudio.engine.cav.ConceptLabels;
import dev.elmstudio.engine.data.embedding.EmbeddingSpace;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CAVs trained on demand and kept: the first move of a slider for a concept trains it (a fraction of a second for
 * thousands of movies), every later move reuses it. Thread-safe; a concept is trained once even when asked for
 * from two threads at the same time.
 */
public final class ConceptDirections {
    private final EmbeddingSpace space;
    private final ConceptLabels labels;
    private final CavTrainer trainer;
    private final Map<String, ConceptDirection> trained = new ConcurrentHashMap<>();

    /** @param labels null for a space without labels (a user space): then no concept is offered */
    public ConceptDirections(EmbeddingSpace space, ConceptLabels labels, long seed) {
        this.space = space;
        this.labels = labels;
        this.trainer = CavTrainer.defaults(seed);
    }

    public List<String> concepts() {
        return labels == null ? List.of() : labels.concepts();
    }

    /** The concept's direction, trained now if it was not yet. */
    public ConceptDirection get(String concept) {
        if (labels == null) {
            throw new IllegalArgumentException("space '" + space.name() + "' has no concept labels (only movie spaces"
                    + " of a dataset with genres or tags do)");
        }
        return trained.computeIfAbsent(concept, this::train);
    }

    /** Whether {@link #get} would return at once. */
    public boolean isTrained(String concept) {
        return trained.containsKey(concept);
    }

    private ConceptDirection train(String concept) {
        var cav = labels.train(concept, trainer);
        return new ConceptDirection(cav, spread(cav.direction()));
    }

    private double spread(float[] direction) {
        int d = space.dimension();
        float[] v = space.vectors();
        double sum = 0;
        double squares = 0;
        for (int row = 0; row < space.size(); row++) {
            double projection = 0;
            for (int k = 0; k < d; k++) {
                projection += (double) v[row * d + k] * direction[k];
            }
            sum += projection;
            squares += projection * projection;
        }
        double mean = sum / space.size();
        double variance = Math.max(0, squares / space.size() - mean * mean);
        return variance > 0 ? Math.sqrt(variance) : 1.0;
    }
}
