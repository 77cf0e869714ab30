package dev.elmstudio.app.panel.explore;

import static dev.elmstudio.app.testing.GuiApp.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.elmstudio.app.demo.CommittedAssets;
import dev.elmstudio.app.demo.DemoWorkspace;
import dev.elmstudio.app.shell.ElmStudioApp;
import dev.elmstudio.app.shell.PanelId;
import dev.elmstudio.app.testing.GuiApp;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * The first-run flow on the committed demo assets: opening the demo lands in Explore with the featured film, the
 * demo ELM's text for it scored by SC against the shipped semantic space, and the "masterpiece" concept chosen;
 * pushing the film along it moves the point and makes the ELM write of a better received film than pushing it
 * against it. Takes the screenshot of Explore on real data.
 */
class ExploreDemoGuiTest {
    @TempDir
    static Path temp;

    private static GuiApp gui;
    private static ElmStudioApp app;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void startApp() throws Exception {
        gui = GuiApp.start(); // offers no demo: ElmStudioApp(settings) is ElmStudioApp(settings, false)
        app = gui.app();
    }

    @AfterAll
    static void stopApp() throws Exception {
        gui.close();
    }

    @Test
    void theDemoOpensInExploreOnItsFilmAndTheAcclaimSliderRewritesItsReception() throws Exception {
        DemoWorkspace.Opened[] demo = new DemoWorkspace.Opened[1];
        robot.interact(() -> {
            app.mainModel().setDemoSource(() -> demo[0] = DemoWorkspace.build(CommittedAssets.demo(), temp.resolve("demo")));
            app.mainModel().openDemoWorkspace();
        });
        ExploreViewModel model = app.exploreModel();
        waitUntil(() -> demo[0] != null && model.entityProperty().get() != null
                && model.entityProperty().get().id() == demo[0].focusMovieId()
                && model.completedProperty().get() >= 1 && !model.generatingProperty().get());
        assertEquals(PanelId.EXPLORE, fx(() -> app.mainModel().panelProperty().get()));
        assertEquals(demo[0].elmRunId(), fx(() -> model.runProperty().get().id()));
        assertEquals(demo[0].focusTitle(), fx(() -> model.entityProperty().get().label()));
        String plain = fx(() -> model.textProperty().get());
        assertFalse(plain.isBlank(), "the demo ELM describes the featured film");
        // The demo opens on the "more acclaimed" slider, and its shipped semantic space makes SC a number.
        assertEquals(DemoWorkspace.FOCUS_CONCEPT, fx(() -> model.conceptProperty().get()));
        waitUntil(() -> model.conceptInfoProperty().get().startsWith("CAV") && !Double.isNaN(model.scValueProperty().get()));
        assertTrue(fx(() -> model.scProperty().get()).matches("SC -?\\d\\.\\d{3}"),
                "SC is shown as a number: " + fx(() -> model.scProperty().get()));

        robot.interact(model::pin);
        double[] before = fx(() -> model.mapPointProperty().get());
        String acclaimed = textAt(model, 2.0);
        String panned = textAt(model, -2.0);
        System.out.println("demo: " + demo[0].focusTitle() + "\n  plain: " + plain + "\n  +2σ masterpiece: " + acclaimed
                + "\n  -2σ masterpiece: " + panned);
        assertTrue(reception(acclaimed) > reception(panned), "along 'masterpiece' the film is received better: '"
                + acclaimed + "' vs '" + panned + "'");
        assertFalse(Arrays.equals(before, fx(() -> model.mapPointProperty().get())), "the point moved on the map");
        textAt(model, 2.0);
        waitUntil(() -> !Double.isNaN(model.scValueProperty().get()));
        robot.interact(model::pin);
        gui.screenshot("explore-demo");
    }

    /** Slides α to {@code alpha}, lets go, and returns the text written for it. */
    private String textAt(ExploreViewModel model, double alpha) throws Exception {
        int before = fx(() -> model.completedProperty().get());
        robot.interact(() -> {
            model.alphaProperty().set(alpha);
            model.sliderReleased();
        });
        waitUntil(() -> model.completedProperty().get() > before && !model.generatingProperty().get());
        return fx(() -> model.textProperty().get());
    }

    /** The reception a text states, on the demo texts' scale (MovieTargets.reception): 0 poor to 3 acclaimed, -1 none. */
    private static int reception(String text) {
        List<String> scale = List.of("poorly received", "met with mixed reviews", "well received", "widely acclaimed");
        for (int i = scale.size() - 1; i >= 0; i--) {
            if (text.contains(scale.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        GuiApp.waitUntilOnFx(180, condition);
    }
}
