package dev.elmstudio.app.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.elmstudio.app.cli.ComparisonFixture;
import dev.elmstudio.engine.encode.MiniLmEncoder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real tiny ELM and its real baseline answering the same inputs, scored with the real MiniLM encoder. */
class CompareSessionTest {
    @TempDir
    static Path folder;

    private static CompareSession session;

    @BeforeAll
    static void open() throws Exception {
        session = CompareSession.open(ComparisonFixture.workspaceWithBaseline(folder), 1, new MiniLmEncoder());
    }

    @AfterAll
    static void close() {
        session.close();
    }

    @Test
    void anEntityReachesTheElmAsAVectorAndTheBaselineAsItsTitle() {
        assertTrue(session.baselineModel().isPresent());
        assertEquals(List.of("summary"), session.entityTasks());
        List<String> streamed = new ArrayList<>();
        CompareInput input = new CompareInput.Entity(3, "summary");
        Answer elm = session.elm(input, 8, (id, text) -> streamed.add(text));
        Answer baseline = session.baseline(input, 8, null).orElseThrow();

        assertEquals("Describe ⟨vector of Film 3 (1993)⟩.", elm.received());
        assertEquals("Describe Film 3 (1993).", baseline.received());
        assertFalse(elm.text().isBlank());
        assertFalse(baseline.text().isBlank());
        assertFalse(streamed.isEmpty(), "the ELM's text streams token by token");
        assertEquals(elm.text(), streamed.get(streamed.size() - 1).strip());
        for (Answer answer : List.of(elm, baseline)) {
            assertTrue(answer.scores().sc() >= -1 && answer.scores().sc() <= 1, answer::toString);
            assertFalse(Double.isNaN(answer.scores().bcNdcg()), "the fixture's users make BC defined");
            assertEquals("Film 3 (1993)", answer.scoredAgainst());
        }
    }

    @Test
    void interpolationMovesOnlyTheElmAndSaysSo() {
        Answer baselineNear = session.baseline(new CompareInput.Interpolation(1, 2, 0.1, "summary"), 8, null).orElseThrow();
        Answer baselineFar = session.baseline(new CompareInput.Interpolation(1, 2, 0.9, "summary"), 8, null).orElseThrow();
        Answer elm = session.elm(new CompareInput.Interpolation(1, 2, 0.9, "summary"), 8, null);

        assertEquals(baselineNear.text(), baselineFar.text(), "t does not reach the baseline");
        assertEquals("Describe a new movie that lies between Film 1 (1991) and Film 2 (1992).", baselineFar.received());
        assertTrue(baselineFar.note().startsWith("t reaches only the ELM"), baselineFar::note);
        assertTrue(elm.received().contains("t = 0.90"), elm::received);
        // both are scored against the interpolated point, not against either film
        assertTrue(baselineNear.scoredAgainst().endsWith("at t = 0.10"), baselineNear::scoredAgainst);
        assertEquals("Film 1 (1991) → Film 2 (1992) at t = 0.90", elm.scoredAgainst());
        assertNotEquals(elm.text(), "", "the ELM describes the mixed vector with its trained summary prompt");
    }

    @Test
    void aCavShiftTellsWhatTheBaselineGotInstead() {
        assertEquals(List.of("genre:Comedy", "genre:Drama", "genre:Horror", "genre:Western"), session.genres());
        Answer elm = session.elm(new CompareInput.CavShift(3, "genre:Drama", 3, "summary"), 8, null);
        Answer baseline = session.baseline(new CompareInput.CavShift(3, "genre:Drama", 3, "summary"), 8, null).orElseThrow();
        assertTrue(elm.received().contains("+3.00·CAV(genre:Drama)"), elm::received);
        assertEquals("Describe Film 3 (1993).", baseline.received());
        assertTrue(baseline.note().contains("no 'more_drama' task"), baseline::note);
        assertEquals("Film 3 (1993) (the unshifted film)", elm.scoredAgainst());
    }
}
