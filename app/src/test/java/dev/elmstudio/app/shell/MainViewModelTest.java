package dev.elmstudio.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.elmstudio.app.task.DirectTaskRunner;
import dev.elmstudio.app.testing.RecordingDialogs;
import dev.elmstudio.app.testing.TestSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainViewModelTest {

    @TempDir
    Path temp;

    private final TestSettings testSettings = new TestSettings();
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final MainViewModel model = new MainViewModel(new DirectTaskRunner(), dialogs, testSettings.settings(),
            () -> "CPU (test)");

    @AfterEach
    void removeSettings() throws Exception {
        testSettings.close();
    }

    @Test
    void createMakesAWorkspaceOpensItAndRemembersIt() {
        Path folder = temp.resolve("ws");
        model.workspacePathInputProperty().set(folder.toString());
        model.createWorkspace();
        assertEquals(folder, model.workspaceProperty().get());
        assertTrue(Files.isRegularFile(folder.resolve("elm.db")));
        assertEquals(List.of(folder), model.recentWorkspaces());
        assertEquals(List.of(folder), testSettings.settings().recentWorkspaces());
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    @Test
    void openingAFolderWithoutAWorkspaceShowsOneReadableError() {
        model.workspacePathInputProperty().set(temp.toString());
        model.openTypedWorkspace();
        assertNull(model.workspaceProperty().get());
        assertEquals(1, dialogs.errors.size());
        assertTrue(dialogs.errors.get(0).startsWith("Could not open the workspace"), dialogs.errors.get(0));
        assertTrue(dialogs.causes.get(0).getMessage().contains("not an ELM Studio workspace"));
    }

    @Test
    void anEmptyFolderFieldAsksForAFolder() {
        model.createWorkspace();
        assertEquals(List.of("Type or choose a workspace folder first."), dialogs.errors);
    }

    @Test
    void recentWorkspacesPutTheLatestFirstWithoutDuplicates() {
        for (String name : new String[] {"a", "b", "a"}) {
            model.openWorkspace(temp.resolve(name), true);
        }
        assertEquals(List.of(temp.resolve("a"), temp.resolve("b")), model.recentWorkspaces());
    }

    @Test
    void themeTogglesAndIsRemembered() {
        Theme first = model.themeProperty().get();
        model.toggleTheme();
        assertEquals(first.other(), testSettings.settings().theme());
    }

    @Test
    void deviceProbeFillsTheStatusText() {
        model.probeDevice();
        assertEquals("Device: CPU (test)", model.deviceProperty().get());
    }
}
