package dev.elmstudio.app.panel.rate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The paper's three statements, worded for each kind of task. */
class StatementsTest {
    @Test
    void statementOneNamesWhatTheTextDescribes() {
        assertEquals("The text is consistent with the movie named above.", Statements.text("summary", 1));
        assertEquals("The text is consistent with the movies named above.", Statements.text("interpolation", 1));
        assertEquals("The text is consistent with the viewer named above.", Statements.text("user_profile", 1));
        assertEquals("The text is consistent with the item named above.", Statements.text("my_task", 1));
    }

    @Test
    void statementThreeIsTheTasksOwnQuality() {
        assertEquals("The funny version is indeed funnier.", Statements.text("funnier", 3));
        assertEquals("It does well what the task asked for.", Statements.text("my_task", 3));
        assertEquals("The language is coherent and comprehensive.", Statements.text("pitch", 2));
        assertThrows(IllegalArgumentException.class, () -> Statements.text("pitch", 4));
    }
}
