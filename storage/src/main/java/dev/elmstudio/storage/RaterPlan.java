package dev.elmstudio.storage;

import java.time.Instant;
import java.util.List;

/**
 * The order one rater sees a session's items in, and for each item whether Text A shows the item's right text.
 * Built once, when the rater first starts, from {@code seed}; a returning rater gets the same plan back.
 */
public record RaterPlan(long sessionId, String raterId, long seed, Instant startedAt, List<Step> steps) {

    public RaterPlan {
        steps = List.copyOf(steps);
    }

    /** The rater's k-th item (k = position in {@link #steps()}). */
    public record Step(long itemId, boolean swapped) {}
}
