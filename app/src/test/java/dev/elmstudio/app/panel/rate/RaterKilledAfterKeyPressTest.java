package dev.elmstudio.app.panel.rate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.elmstudio.app.testing.ChildJvm;
import dev.elmstudio.storage.Rating;
import dev.elmstudio.storage.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rating survives the app being killed right after the key press: a child JVM runs the real rater window, presses
 * 4, says when the press was handled, and is SIGKILLed at once; the answer must be in the workspace.
 */
class RaterKilledAfterKeyPressTest {
    @TempDir
    Path temp;

    @Test
    void anAnswerIsInTheWorkspaceWhenTheAppIsKilledRightAfterTheKeyPress() throws Exception {
        Path folder = RateFixtures.workspaceWithOutputs(temp.resolve("ws"));
        long session = RateFixtures.createSession(folder, true, 2, 1);
        Process child = ChildJvm.start(temp.resolve("child.err"), RaterModeProcess.class.getName(),
                folder.toString(), Long.toString(session), "kid", "DIGIT4");
        String handled;
        try {
            handled = ChildJvm.awaitLine(child, "handled ", 120);
        } finally {
            child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, nothing flushed on the way out
            child.waitFor(30, TimeUnit.SECONDS);
        }
        assertEquals("handled DIGIT4 saved=1", handled, "the key press reached rater mode");
        assertEquals(128 + 9, child.exitValue(), "the child died of SIGKILL, not by exiting");
        try (Workspace workspace = Workspace.open(folder)) { // opens for writing: the dead child's lock is gone
            List<Rating> saved = workspace.ratings().ratingsBy(session, "kid");
            assertEquals(1, saved.size());
            assertEquals(4, saved.get(0).score());
            assertEquals(1, saved.get(0).statement());
            assertTrue(workspace.ratings().plan(session, "kid").isPresent(), "the rater's order was stored too");
        }
    }
}
