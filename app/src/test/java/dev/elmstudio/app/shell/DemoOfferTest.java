package dev.elmstudio.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.elmstudio.app.demo.CommittedAssets;
import dev.elmstudio.app.demo.DemoWorkspace;
import dev.elmstudio.app.task.DirectTaskRunner;
import dev.elmstudio.app.testing.RecordingDialogs;
import dev.elmstudio.app.testing.TestSettings;
import dev.elmstudio.storage.Workspace;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first run: no workspace to reopen → the app offers the demo, built from the committed assets. */
class DemoOfferTest {
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

    private Path useDemoIn(String name) {
        Path folder = temp.resolve(name);
        model.setDemoSource(() -> DemoWorkspace.openOrBuild(CommittedAssets.demo(), folder));
        return folder;
    }

    @Test
    void aFirstRunOffersTheDemoAndDecliningLeavesNoWorkspace() {
        useDemoIn("demo");
        model.startUp();
        assertEquals(List.of("Open the demo workspace?"), dialogs.questions);
        assertNull(model.workspaceProperty().get());
        assertNull(model.focusEntityProperty().get());
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    @Test
    void acceptingOpensTheDemoWithItsFilmInFocus() {
        Path folder = useDemoIn("demo");
        dialogs.answer = true;
        model.startUp();
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors + " " + dialogs.causes);
        assertEquals(folder, model.workspaceProperty().get());
        assertEquals(List.of(folder), model.recentWorkspaces());
        FocusEntity focus = model.focusEntityProperty().get();
        assertEquals(DemoWorkspace.DATASET, focus.dataset());
        assertEquals("movie", focus.kind());
        assertTrue(focus.label().matches(".+ \\(\\d{4}\\)"), focus.label());
        assertEquals(MainViewModel.explorePanel().orElse(PanelId.RUNS), model.panelProperty().get());
    }

    @Test
    void aWorkspaceToReopenMeansNoQuestion() {
        Path mine = temp.resolve("mine");
        Workspace.openOrCreate(mine).close();
        testSettings.settings().rememberWorkspace(mine);
        MainViewModel restarted = new MainViewModel(new DirectTaskRunner(), dialogs, testSettings.settings(), () -> "CPU");
        restarted.startUp();
        assertTrue(dialogs.questions.isEmpty(), dialogs.questions.toString());
        assertEquals(mine, restarted.workspaceProperty().get());
    }

    @Test
    void aFailedDemoBuildIsOneReadableError() {
        model.setDemoSource(() -> {
            throw new IllegalStateException("The demo assets in /nowhere are incomplete");
        });
        model.openDemoWorkspace();
        assertEquals(List.of("Could not prepare the demo workspace."), dialogs.errors);
        assertNull(model.workspaceProperty().get());
    }
}
