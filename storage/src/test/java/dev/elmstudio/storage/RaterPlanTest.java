package dev.elmstudio.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** V004: each rater's stored order and swaps, and comments saved on their own. */
class RaterPlanTest {
    @TempDir
    Path folder;

    @Test
    void aRatersPlanIsStoredOnceAndReadBackInOrder() {
        try (Workspace workspace = Workspace.openOrCreate(folder)) {
            RatingRepository ratings = workspace.ratings();
            long session = ratings.createSession("pilot", "hash", "{}", RatingRepositoryTest.drafts());
            List<RatingItem> items = ratings.items(session);
            RaterPlan ana = new RaterPlan(session, "ana", 42, Instant.now(), List.of(
                    new RaterPlan.Step(items.get(2).id(), false), new RaterPlan.Step(items.get(0).id(), true),
                    new RaterPlan.Step(items.get(1).id(), false)));
            ratings.savePlan(ana);
            ratings.savePlan(new RaterPlan(session, "ben", 7, Instant.now(),
                    List.of(new RaterPlan.Step(items.get(0).id(), false))));

            RaterPlan read = ratings.plan(session, "ana").orElseThrow();
            assertEquals(42, read.seed());
            assertEquals(ana.steps(), read.steps());
            assertEquals(List.of("ana", "ben"), ratings.plans(session).stream().map(RaterPlan::raterId).toList());
            assertFalse(ratings.plan(session, "cy").isPresent());
            assertThrows(StorageException.class, () -> ratings.savePlan(ana), "a rater's plan is never replaced");
            assertEquals("pilot", ratings.session(session).orElseThrow().name());
            assertEquals(1, ratings.sessions().size());
        }
    }

    @Test
    void commentsAreSavedWithoutScoresAndReplacedWhenEdited() {
        try (Workspace workspace = Workspace.openOrCreate(folder)) {
            RatingRepository ratings = workspace.ratings();
            long session = ratings.createSession("pilot", "hash", "{}", RatingRepositoryTest.drafts());
            long item = ratings.items(session).get(0).id();
            ratings.recordComment(new RatingComment(item, "ana", "right", "too short", Instant.now()));
            ratings.recordComment(new RatingComment(item, "ana", "right", "too short, but apt", Instant.now()));
            ratings.recordComment(new RatingComment(item, "ben", "left", "fine", Instant.now()));
            List<RatingComment> ana = ratings.comments(session, "ana");
            assertEquals(1, ana.size());
            assertEquals("too short, but apt", ana.get(0).comment());
            assertEquals(2, ratings.comments(session, null).size());
            assertTrue(ratings.ratings(session).isEmpty());
        }
    }

    @Test
    void evaluationsAreListedNewestFirst() {
        try (Workspace workspace = Workspace.openOrCreate(folder)) {
            workspace.evals().create(null, "first", "{}");
            workspace.evals().create(null, "second", "{}");
            assertEquals(List.of("second", "first"), workspace.evals().list().stream().map(EvalRun::name).toList());
        }
    }
}
