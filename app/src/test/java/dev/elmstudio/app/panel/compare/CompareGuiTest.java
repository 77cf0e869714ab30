package dev.elmstudio.app.panel.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.elmstudio.app.cli.ComparisonFixture;
import dev.elmstudio.app.shell.ElmStudioApp;
import dev.elmstudio.app.testing.Screenshots;
import dev.elmstudio.app.testing.TestSettings;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window on a workspace with a tiny ELM, its baseline and an evaluation of both: choose the run, Compare,
 * see both texts with their scores, then the report table and chart. Takes docs' compare screenshots.
 */
class CompareGuiTest {
    @TempDir
    static Path temp;

    private static TestSettings testSettings;
    private static ElmStudioApp app;
    private static Path workspace;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void startApp() throws Exception {
        workspace = ComparisonFixture.workspaceWithBaseline(temp);
        testSettings = new TestSettings();
        FxToolkit.registerPrimaryStage();
        app = (ElmStudioApp) FxToolkit.setupApplication(() -> new ElmStudioApp(testSettings.settings()));
    }

    @AfterAll
    static void stopApp() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        testSettings.close();
    }

    @Test
    void comparingShowsBothTextsWithScoresAndTheReportShowsBothModels() throws Exception {
        robot.clickOn("#workspace-path");
        robot.interact(() -> lookup("#workspace-path", ComboBox.class).getEditor().setText(workspace.toString()));
        robot.clickOn("#workspace-open");
        waitUntil(10, () -> workspace.equals(app.mainModel().workspaceProperty().get()));
        robot.clickOn("#nav-compare");

        ComboBox<?> runs = lookup("#compare-run", ComboBox.class);
        waitUntil(10, () -> runs.getItems().size() == 1);
        robot.clickOn(runs);
        robot.clickOn("Run 1 · elm tiny/vectors (with baseline)");
        waitUntil(60, () -> !app.compareModel().loadingProperty().get() && !app.compareModel().films().isEmpty());
        assertTrue(lookup("#compare-baseline-status", Label.class).getText().startsWith("Baseline: text-only baseline"));

        robot.clickOn("#compare-go");
        waitUntil(60, () -> !app.compareModel().runningProperty().get()
                && !lookup("#compare-baseline-scores", Label.class).getText().isEmpty());
        String elmText = lookup("#compare-elm-text", TextArea.class).getText();
        String baselineText = lookup("#compare-baseline-text", TextArea.class).getText();
        assertFalse(elmText.isBlank());
        assertFalse(baselineText.isBlank());
        assertTrue(lookup("#compare-elm-scores", Label.class).getText().startsWith("SC "));
        assertTrue(lookup("#compare-baseline-received", Label.class).getText().contains("Film 1 (1991)"));
        assertEquals(1, robot.listWindows().size(), "no error dialog");
        robot.interact(() -> Screenshots.save(window(), "compare"));

        robot.interact(() -> {
            app.compareModel().kindProperty().set(CompareViewModel.InputKind.INTERPOLATION);
            app.compareModel().tProperty().set(0.7);
        });
        robot.clickOn("#compare-go");
        waitUntil(60, () -> !app.compareModel().runningProperty().get()
                && !lookup("#compare-baseline-scores", Label.class).getText().isEmpty());
        assertTrue(lookup("#compare-elm-received", Label.class).getText().contains("t = 0.70"));
        Label note = lookup("#compare-baseline-note", Label.class);
        assertTrue(note.isVisible() && note.getText().startsWith("t reaches only the ELM"), note::getText);
        robot.interact(() -> Screenshots.save(window(), "compare-interpolation"));

        robot.interact(() -> lookup("#compare-tabs", TabPane.class).getSelectionModel().select(1));
        TableView<?> table = lookup("#compare-report-table", TableView.class);
        waitUntil(10, () -> !table.getItems().isEmpty());
        assertTrue(table.getItems().size() >= 3, "target loss, exact match and SC at least");
        BarChart<?, ?> chart = lookup("#compare-chart-summary", BarChart.class);
        assertEquals(2, chart.getData().size(), "ELM and baseline bars");
        robot.interact(() -> Screenshots.save(window(), "compare-reports"));
    }

    private Node window() {
        return robot.listWindows().get(0).getScene().getRoot();
    }

    private <T> T lookup(String query, Class<T> type) {
        return type.cast(robot.lookup(query).query());
    }

    private static void waitUntil(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
