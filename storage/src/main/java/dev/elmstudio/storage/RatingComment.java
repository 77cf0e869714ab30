package dev.elmstudio.storage;

import java.time.Instant;

/** A rater's free comment on one side of an item. */
public record RatingComment(long itemId, String raterId, String side, String comment, Instant createdAt) {

    public RatingComment {
        if (!"left".equals(side) && !"right".equals(side)) {
            throw new IllegalArgumentException("side must be 'left' or 'right', got '" + side + "'");
        }
        if (raterId == null || raterId.isBlank()) {
            throw new IllegalArgumentException("rater id is empty");
        }
        if (comment == null) {
            throw new IllegalArgumentException("comment is null (use \"\" for none)");
        }
    }
}
