package dev.elmstudio.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void noArgumentsOrGuiOpenTheDesktopAppAnythingElseIsTheCommandLine() {
        assertTrue(Main.opensDesktop(new String[0]));
        assertTrue(Main.opensDesktop(new String[] {"gui"}));
        assertFalse(Main.opensDesktop(new String[] {"info"}));
        assertFalse(Main.opensDesktop(new String[] {"--help"}));
        assertFalse(Main.opensDesktop(new String[] {"pretrain", "gui"}));
    }
}
