package dev.elmstudio.app.panel.rate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What raters read about an item: titles in the prompt's slots, in slot order. */
class ItemNamesTest {
    private final ItemNames names = new ItemNames(Map.of(12, "Alien (1979)", 34, "Up (2009)"));

    @Test
    void slotIdsBecomeTitlesViewersOrIds() {
        assertEquals(List.of("Alien (1979)", "Up (2009)"), names.names("similarities", "[12, 34]"));
        assertEquals(List.of("movie 7"), names.names("summary", "[7]"));
        assertEquals(List.of("viewer 12"), names.names("user_profile", "[12]"));
        assertEquals(List.of("no ids"), names.names("summary", "no ids"));
    }

    @Test
    void thePromptNamesEachSlotsOwnItem() {
        JsonObject input = JsonParser.parseString(SessionBuilder.inputJson("similarities", "[12, 34]",
                names.names("similarities", "[12, 34]"))).getAsJsonObject();
        assertEquals("List three similarities and three differences between the movies «Alien (1979)» and"
                + " «Up (2009)».", input.get("prompt").getAsString());
        assertEquals("Alien (1979) and Up (2009)", input.get("label").getAsString());
        assertEquals("[12, 34]", input.get("item").getAsString());
    }
}
