package dev.elmstudio.app.shell;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.elmstudio.app.testing.TestSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AppSettingsTest {

    private final TestSettings testSettings = new TestSettings();

    @AfterEach
    void removeSettings() throws Exception {
        testSettings.close();
    }

    @Test
    void windowBoundsSurviveARestart() {
        testSettings.settings().setWindowBounds(10, 20, 1000, 700);
        assertArrayEquals(new double[] {10, 20, 1000, 700}, testSettings.settings().windowBounds());
    }

    @Test
    void neverSavedBoundsAreEmpty() {
        assertEquals(0, testSettings.settings().windowBounds().length);
    }

    @Test
    void recentWorkspacesKeepTheNewestEight() {
        AppSettings settings = testSettings.settings();
        for (int i = 0; i < 10; i++) {
            settings.rememberWorkspace(Path.of("/tmp/ws" + i));
        }
        assertEquals(AppSettings.MAX_RECENT, settings.recentWorkspaces().size());
        assertEquals(Path.of("/tmp/ws9"), settings.recentWorkspaces().get(0));
    }
}
