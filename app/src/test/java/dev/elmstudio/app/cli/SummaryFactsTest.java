package dev.elmstudio.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SummaryFactsTest {
    private static final SummaryFacts HEAT = SummaryFacts.of(
            "Heat (1995) is an action film directed by Michael Mann. It was widely acclaimed.");

    @Test
    void readsGenreReceptionAndYear() {
        assertEquals(new SummaryFacts("action", "widely acclaimed", 1995), HEAT);
    }

    @Test
    void matchesFactByFactAndTheDecadeOnly() {
        SummaryFacts said = SummaryFacts.of("Ronin (1998) is a thriller/suspense film. It was poorly received.");
        assertEquals(0.0, HEAT.genreMatch(said));
        assertEquals(0.0, HEAT.receptionMatch(said));
        assertEquals(1.0, HEAT.decadeMatch(said), "1998 is in the 1990s like 1995");
        assertEquals(1.0, HEAT.genreMatch(SummaryFacts.of("X (1971) is an action film.")));
        assertEquals(0.0, HEAT.decadeMatch(SummaryFacts.of("X (1971) is an action film.")));
    }

    @Test
    void aFactTheReferenceLacksIsUndefinedAndOneTheTextLacksIsWrong() {
        SummaryFacts noReception = SummaryFacts.of("Slam (1998) is a drama film.");
        assertTrue(Double.isNaN(noReception.receptionMatch(HEAT)));
        assertEquals(0.0, HEAT.receptionMatch(noReception));
        assertEquals(0.0, HEAT.genreMatch(SummaryFacts.of("")));
    }
}
