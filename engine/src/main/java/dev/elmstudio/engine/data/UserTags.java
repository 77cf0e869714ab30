package dev.elmstudio.engine.data;

import java.util.List;

/**
 * Free-text tags that users put on movies, as columns: row i is user {@code userIds[i]} tagging
 * movie {@code movieIds[i]} with {@code vocabulary.get(tagIndex[i])}. Tags are stored once each in
 * the vocabulary (ML-25M has 1.1M tag rows but ~74k distinct tags).
 */
public record UserTags(int[] userIds, int[] movieIds, int[] tagIndex, List<String> vocabulary) {
    public UserTags {
        if (movieIds.length != userIds.length || tagIndex.length != userIds.length) {
            throw new IllegalArgumentException("tag columns differ in length");
        }
        vocabulary = List.copyOf(vocabulary);
    }

    public static UserTags empty() {
        return new UserTags(new int[0], new int[0], new int[0], List.of());
    }

    public int size() {
        return userIds.length;
    }

    public String tag(int row) {
        return vocabulary.get(tagIndex[row]);
    }
}
