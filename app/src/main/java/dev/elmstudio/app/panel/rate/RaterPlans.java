package dev.elmstudio.app.panel.rate;

import dev.elmstudio.storage.RaterPlan;
import dev.elmstudio.storage.RatingItem;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Each rater's own order of a session's items and, for side-by-side items, which text is shown as Text A. The
 * seed comes from the session's seed and the rater's id, so it is reproducible, and it is stored with the plan.
 * A per-rater order keeps fatigue and learning effects from always falling on the same items; per-rater swaps keep
 * a position bias ("A is better") from favouring one model.
 */
public final class RaterPlans {

    private RaterPlans() { }

    public static long seedFor(long sessionSeed, String raterId) {
        long h = sessionSeed ^ 0x9E3779B97F4A7C15L;
        for (byte b : raterId.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ b) * 0x100000001B3L; // FNV-1a step, mixed into the session seed
        }
        return h;
    }

    public static RaterPlan plan(long sessionId, String raterId, long seed, List<RatingItem> items) {
        Random random = new Random(seed);
        List<RatingItem> order = new ArrayList<>(items);
        Collections.shuffle(order, random);
        List<RaterPlan.Step> steps = new ArrayList<>();
        for (RatingItem item : order) {
            boolean swapped = item.rightText() != null && random.nextBoolean();
            steps.add(new RaterPlan.Step(item.id(), swapped));
        }
        return new RaterPlan(sessionId, raterId, seed, Instant.now(), steps);
    }
}
