package dev.elmstudio.engine.data;

import java.util.List;

/**
 * ML-25M's tag genome: for each movie in {@code movieIds} and each tag, a relevance in 0..1.
 * Stored as one row-major matrix, {@code relevance[movie * tags.size() + tag]} (13,816 × 1,128
 * floats, about 62 MB).
 */
public record TagGenome(List<String> tags, int[] movieIds, float[] relevance) {
    public TagGenome {
        tags = List.copyOf(tags);
        if ((long) movieIds.length * tags.size() != relevance.length) {
            throw new IllegalArgumentException("genome has " + relevance.length + " scores for "
                    + movieIds.length + " movies × " + tags.size() + " tags");
        }
    }

    public float relevance(int movieRow, int tag) {
        return relevance[movieRow * tags.size() + tag];
    }
}
