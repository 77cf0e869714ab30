package dev.elmstudio.engine.eval.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.elmstudio.engine.data.task.MovieFacts;
import dev.elmstudio.engine.data.task.TaskPrompts;
import dev.elmstudio.engine.elm.PromptTemplate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The text-only baseline's prompts and the run sizes; the models themselves are exercised by the program. */
class DemoModelsTest {
    private static MovieFacts film(int id, String title, int year) {
        return new MovieFacts(id, title, year, List.of("Drama"), null, null, null, null, null, null, null, null);
    }

    @Test
    void baselinePromptNamesEveryTitleWhereTheSlotsWere() {
        Map<Integer, MovieFacts> facts = Map.of(1, film(1, "Heat", 1995), 2, film(2, "Up", 2009));
        PromptTemplate prompt = DemoModels.titledPrompt(TaskPrompts.of("interpolation"), Map.of("movie1", 1, "movie2", 2), facts);
        assertEquals("Describe a new movie that lies between Heat (1995) and Up (2009).", prompt.text());
        assertTrue(prompt.slots().isEmpty());
    }

    @Test
    void bracesInATitleStayLiteralText() {
        Map<Integer, MovieFacts> facts = Map.of(7, film(7, "The {Odd} One", 2001));
        PromptTemplate prompt = DemoModels.titledPrompt(TaskPrompts.of("summary"), Map.of("movie", 7), facts);
        assertTrue(prompt.slots().isEmpty());
        assertEquals(List.of(new PromptTemplate.Text("Summarize the movie The {Odd} One (2001) in one paragraph.")), prompt.parts());
    }

    @Test
    void quickRunIsSmallerThanTheFullOneAndHeadsDivideTheWidth() {
        DemoSettings quick = DemoSettings.quick();
        DemoSettings full = DemoSettings.full();
        assertTrue(quick.pretrainSteps() + quick.adapterSteps() + quick.fullSteps()
                < full.pretrainSteps() + full.adapterSteps() + full.fullSteps());
        for (DemoSettings s : List.of(quick, full)) {
            assertEquals(0, s.width() % s.headCount());
            assertTrue(s.heldOut() >= 2 * s.sweepPairs(), "every sweep pair must be a held-out pair");
            assertTrue(s.heldOut() < s.films());
        }
    }
}
