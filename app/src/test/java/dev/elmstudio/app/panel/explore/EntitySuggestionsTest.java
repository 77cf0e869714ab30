package dev.elmstudio.app.panel.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntitySuggestionsTest {
    private static final List<EntityChoice> FILMS = List.of(new EntityChoice(12, "The Alien Factor (1978)"),
            new EntityChoice(1, "Alien (1979)"), new EntityChoice(120, "Aliens (1986)"),
            new EntityChoice(7, "Vertigo (1958)"));

    @Test
    void titlesMatchIgnoringCaseWithTitlesThatStartWithTheTextFirst() {
        assertEquals(List.of(1, 120, 12), ids(EntitySuggestions.matching(FILMS, "  alien")));
        assertEquals(List.of(7), ids(EntitySuggestions.matching(FILMS, "VERT")));
        assertEquals(List.of(), EntitySuggestions.matching(FILMS, " "));
    }

    @Test
    void anExactIdComesFirstThenIdPrefixes() {
        assertEquals(List.of(12, 120), ids(EntitySuggestions.matching(FILMS, "12")));
        assertEquals(List.of(1, 12, 120), ids(EntitySuggestions.matching(FILMS, "1")).subList(0, 3));
    }

    @Test
    void atMostThirtySuggestions() {
        List<EntityChoice> many = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            many.add(new EntityChoice(1000 + i, "Film " + i));
        }
        assertEquals(EntitySuggestions.MAX, EntitySuggestions.matching(many, "film").size());
    }

    private static List<Integer> ids(List<EntityChoice> choices) {
        return choices.stream().map(EntityChoice::id).toList();
    }
}
