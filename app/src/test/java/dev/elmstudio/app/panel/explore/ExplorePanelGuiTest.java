package dev.elmstudio.app.panel.explore;

import static dev.elmstudio.app.testing.GuiApp.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.elmstudio.app.shell.ElmStudioApp;
import dev.elmstudio.app.testing.GuiApp;
import dev.elmstudio.app.testing.PulseMonitor;
import dev.elmstudio.app.testing.TinyElmWorkspace;
import dev.elmstudio.app.ui.map.EmbeddingMapCanvas;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Explore panel in the real window on Monocle's headless screen, on a really trained tiny ELM: open the
 * workspace, pick a film by typing, choose a concept, drag the α slider; the text is generated again for the new
 * point and the probe marker moves on the map. Takes the panel's screenshot.
 */
class ExplorePanelGuiTest {
    @TempDir
    static Path temp;

    private static GuiApp gui;
    private static ElmStudioApp app;
    private static Path workspace;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void startApp() throws Exception {
        workspace = TinyElmWorkspace.build(temp);
        gui = GuiApp.start();
        app = gui.app();
    }

    @AfterAll
    static void stopApp() throws Exception {
        gui.close();
    }

    @Test
    void draggingTheCavSliderRegeneratesTheTextAndMovesThePoint() throws Exception {
        gui.submitWorkspace(workspace, "#workspace-open");
        waitUntil(() -> workspace.equals(app.mainModel().workspaceProperty().get()));
        robot.clickOn("#nav-explore");
        ExploreViewModel model = app.exploreModel();
        waitUntil(() -> model.completedProperty().get() >= 1 && !model.generatingProperty().get());

        // Pick film 7 by typing part of its title and choosing the suggestion.
        robot.clickOn("#explore-entity");
        robot.interact(() -> gui.lookup("#explore-entity", EntityField.class).clear());
        robot.write("Film 7");
        String suggestion = "Film 7 (1957) · 7";
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup(suggestion).tryQuery().isPresent());
        robot.clickOn(robot.lookup(suggestion).queryAs(Node.class));
        waitUntil(() -> model.entityProperty().get() != null && model.entityProperty().get().id() == 7
                && model.completedProperty().get() >= 2 && !model.generatingProperty().get());

        // Choose the Horror concept in the combo box, then wait for its CAV and its generation (α = 0).
        int beforeConcept = fx(() -> model.completedProperty().get());
        robot.clickOn("#explore-concept");
        robot.clickOn("genre:Horror");
        waitUntil(() -> model.conceptInfoProperty().get().startsWith("CAV")
                && model.completedProperty().get() > beforeConcept && !model.generatingProperty().get());
        EmbeddingMapCanvas map = ((ExplorePanel) gui.lookup("#explore-panel", ExplorePanel.class)).map();
        double[] probeBefore = fx(map::probePosition);
        assertNotNull(probeBefore, "the probe marker is on the map");
        String textBefore = fx(() -> model.textProperty().get());
        int completedBefore = fx(() -> model.completedProperty().get());
        int requestedBefore = fx(() -> model.requestedProperty().get());

        // Drag the α slider's thumb to the right, as a user would, and release.
        try (PulseMonitor pulse = new PulseMonitor().start()) {
            Node thumb = robot.lookup("#explore-alpha .thumb").query();
            robot.drag(thumb).moveBy(60, 0).moveBy(60, 0).drop();
            waitUntil(() -> model.completedProperty().get() > completedBefore && !model.generatingProperty().get());
            System.out.println("explore drag: longest FX thread delay " + pulse.maxDelayMillis() + " ms");
        }
        double alpha = fx(() -> model.alphaProperty().get());
        assertTrue(alpha > 0.5, "the drag moved α to " + alpha);
        assertEquals(alpha, fx(() -> gui.lookup("#explore-alpha", Slider.class).getValue()), 1e-9);
        assertTrue(fx(() -> model.requestedProperty().get()) - requestedBefore <= 3,
                "a drag is debounced into a few generations, not one per mouse event");

        double[] probeAfter = fx(map::probePosition);
        assertFalse(Arrays.equals(probeBefore, probeAfter), "the probe moved from " + Arrays.toString(probeBefore)
                + " to " + Arrays.toString(probeAfter));
        assertEquals(fx(() -> model.mapPointProperty().get()[0]), probeAfter[0], 1e-9);
        String textAfter = fx(() -> gui.lookup("#explore-text", TextArea.class).getText());
        assertEquals(fx(() -> model.textProperty().get()), textAfter);
        assertFalse(textAfter.isEmpty());
        assertFalse(textAfter.equals(textBefore), "pushed +" + alpha + "σ towards horror, the western's text changed");
        // The text on screen is what the ELM writes for the new point (an independent load of the run as reference).
        LoadedRun reference = ExploreLoader.load(workspace, 1);
        try {
            var input = dev.elmstudio.engine.explore.ExploreInput.entity(7).shifted("genre:Horror", alpha);
            assertEquals(reference.session().generate("summary", reference.session().vectorFor(input),
                    dev.elmstudio.engine.lm.GenerationConfig.greedy(48), null).text(), textAfter);
        } finally {
            reference.session().close();
        }
        System.out.println("explore text at α = 0: " + textBefore + "\nexplore text at α = " + alpha + ": " + textAfter);
        assertFalse(fx(() -> gui.lookup("#explore-nearest", ListView.class).getItems().isEmpty()));
        waitUntil(() -> gui.lookup("#explore-sc", Label.class).getText().matches("SC -?\\d\\.\\d{3}"));

        robot.clickOn("#explore-pin");
        waitUntil(() -> model.pins().size() == 1);

        // Halfway back: the point sits among the horror films on the map; pin that text too, to compare.
        int completedAtEnd = fx(() -> model.completedProperty().get());
        robot.drag(robot.lookup("#explore-alpha .thumb").queryAs(Node.class)).moveBy(-60, 0).drop();
        waitUntil(() -> model.completedProperty().get() > completedAtEnd && !model.generatingProperty().get()
                && model.scProperty().get().matches("SC -?\\d\\.\\d{3}"));
        robot.clickOn("#explore-pin");
        waitUntil(() -> model.pins().size() == 2);
        gui.screenshot("explore");
        robot.clickOn("#theme-toggle");
        gui.screenshot("explore-dark");
        robot.clickOn("#theme-toggle");
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        assertEquals(1, robot.listWindows().size(), "no error dialog");
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        GuiApp.waitUntilOnFx(90, condition);
    }
}
