package dev.elmstudio.app.panel.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.elmstudio.app.demo.CommittedAssets;
import dev.elmstudio.app.demo.DemoWorkspace;
import dev.elmstudio.app.shell.ElmStudioApp;
import dev.elmstudio.app.shell.PanelId;
import dev.elmstudio.app.testing.Screenshots;
import dev.elmstudio.app.testing.TestSettings;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The first-run flow on the committed demo assets: opening the demo lands in Explore with the featured film and the
 * demo ELM's text for it; pushing it along the horror CAV writes another text and moves the point. Takes the
 * screenshot of Explore on real data.
 */
class ExploreDemoGuiTest {
    @TempDir
    static Path temp;

    private static TestSettings testSettings;
    private static ElmStudioApp app;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void startApp() throws Exception {
        testSettings = new TestSettings();
        FxToolkit.registerPrimaryStage();
        app = (ElmStudioApp) FxToolkit.setupApplication(() -> new ElmStudioApp(testSettings.settings(), false));
    }

    @AfterAll
    static void stopApp() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        testSettings.close();
    }

    @Test
    void theDemoOpensInExploreOnItsFilmAndTheHorrorSliderRewritesIt() throws Exception {
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

        int beforeConcept = fx(() -> model.completedProperty().get());
        robot.interact(() -> model.conceptProperty().set("genre:Horror"));
        waitUntil(() -> model.conceptInfoProperty().get().startsWith("CAV")
                && model.completedProperty().get() > beforeConcept && !model.generatingProperty().get());
        robot.interact(model::pin);
        double[] before = fx(() -> model.mapPointProperty().get());
        int beforeShift = fx(() -> model.completedProperty().get());
        robot.interact(() -> {
            model.alphaProperty().set(2.0);
            model.sliderReleased();
        });
        waitUntil(() -> model.completedProperty().get() > beforeShift && !model.generatingProperty().get());
        String horror = fx(() -> model.textProperty().get());
        System.out.println("demo: " + demo[0].focusTitle() + "\n  plain: " + plain + "\n  +2σ horror: " + horror);
        assertNotEquals(plain, horror, "two standard deviations towards horror change what the ELM writes");
        assertFalse(Arrays.equals(before, fx(() -> model.mapPointProperty().get())), "the point moved on the map");
        robot.interact(model::pin);
        robot.interact(() -> {
            try {
                Screenshots.save(robot.listWindows().get(0).getScene().getRoot(), "explore-demo");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private static <T> T fx(Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get(30, TimeUnit.SECONDS);
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> fx(condition::getAsBoolean));
    }
}
