package dev.elmstudio.storage;

import java.time.Instant;

/**
 * One answer: agreement 1..5 (strongly disagree … strongly agree) with statement 1 (consistent with the item),
 * 2 (coherent language) or 3 (the task's own quality), for one side of an item.
 */
public record Rating(long itemId, String raterId, String side, int statement, int score, String comment,
        Instant createdAt) {

    public Rating {
        if (statement < 1 || statement > 3) {
            throw new IllegalArgumentException("statement must be 1, 2 or 3, got " + statement);
        }
        if (score < 1 || score > 5) {
            throw new IllegalArgumentException("score must be 1..5, got " + score);
        }
        if (!"left".equals(side) && !"right".equals(side)) {
            throw new IllegalArgumentException("side must be 'left' or 'right', got '" + side + "'");
        }
        if (raterId == null || raterId.isBlank()) {
            throw new IllegalArgumentException("rater id is empty");
        }
    }
}
