package dev.elmstudio.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RatingRepositoryTest {
    @TempDir
    Path folder;

    static List<RatingItem.Draft> drafts() {
        return List.of(
                new RatingItem.Draft("summary", "{\"movie\":1}", "a quiet drama", "a loud comedy", "baseline", "elm"),
                new RatingItem.Draft("summary", "{\"movie\":2}", "a war epic", "a war film", "elm", "baseline"),
                new RatingItem.Draft("pitch", "{\"movie\":3}", "make this film", null, "elm", null));
    }

    @Test
    void sessionKeepsItsOrderAndTheHiddenModelMapping() {
        try (Workspace workspace = Workspace.openOrCreate(folder)) {
            long session = workspace.ratings().createSession("pilot", "hash", "{}", drafts());
            List<RatingItem> items = workspace.ratings().items(session);
            assertEquals(3, items.size());
            assertEquals("baseline", items.get(0).leftModel());
            assertEquals("elm", items.get(0).rightModel());
            assertEquals("elm", items.get(1).leftModel());
            assertEquals(null, items.get(2).rightText());
        }
    }

    @Test
    void answeringAgainReplacesTheAnswerAndRatersSeeOnlyTheirOwn() {
        try (Workspace workspace = Workspace.openOrCreate(folder)) {
            long session = workspace.ratings().createSession("pilot", "hash", "{}", drafts());
            long item = workspace.ratings().items(session).get(0).id();
            workspace.ratings().record(new Rating(item, "ana", "left", 1, 2, null, Instant.now()));
            workspace.ratings().record(new Rating(item, "ana", "left", 1, 4, "changed my mind", Instant.now()));
            workspace.ratings().record(new Rating(item, "ben", "left", 1, 5, null, Instant.now()));

            List<Rating> ana = workspace.ratings().ratingsBy(session, "ana");
            assertEquals(1, ana.size());
            assertEquals(4, ana.get(0).score());
            assertEquals("changed my mind", ana.get(0).comment());
            assertEquals(2, workspace.ratings().ratings(session).size());
        }
    }

    @Test
    void outOfRangeAnswersAreRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Rating(1, "ana", "left", 1, 6, null, Instant.now()));
        assertTrue(e.getMessage().contains("score"));
        assertThrows(IllegalArgumentException.class, () -> new Rating(1, "ana", "middle", 1, 3, null, Instant.now()));
    }

    /**
     * A child process records answers one by one and prints each id once it is committed; it is killed with
     * SIGKILL mid-stream. Every answer it reported must be in the database afterwards.
     */
    @Test
    void everyAnswerReportedCommittedSurvivesSigkill() throws Exception {
        long session;
        try (Workspace workspace = Workspace.openOrCreate(folder)) {
            session = workspace.ratings().createSession("pilot", "hash", "{}", drafts());
        }
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), RatingWriterProcess.class.getName(), folder.toString(),
                String.valueOf(session)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        int reported = 0;
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("committed ")) {
                    reported = Integer.parseInt(line.substring("committed ".length()));
                    if (reported >= 40) {
                        child.destroyForcibly(); // SIGKILL right after an answer, as a crash after a key press
                        break;
                    }
                }
            }
        }
        child.waitFor(30, TimeUnit.SECONDS);
        assertTrue(reported >= 40, "the child reported only " + reported + " answers");
        try (Workspace workspace = Workspace.open(folder)) {
            List<Rating> saved = workspace.ratings().ratings(session);
            assertTrue(saved.size() >= reported, "reported " + reported + " committed answers, found " + saved.size());
        }
    }
}
