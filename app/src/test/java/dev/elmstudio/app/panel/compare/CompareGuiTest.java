package dev.elmstudio.app.panel.compare;

import static dev.elmstudio.app.testing.GuiApp.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.elmstudio.app.cli.ComparisonFixture;
import dev.elmstudio.app.shell.ElmStudioApp;
import dev.elmstudio.app.testing.GuiApp;
import java.nio.file.Path;
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

/**
 * The real window on a workspace with a tiny ELM, its baseline and an evaluation of both: choose the run, Compare,
 * see both texts with their scores, then the report table and chart. Takes docs' compare screenshots.
 */
class CompareGuiTest {
    @TempDir
    static Path temp;

    private static GuiApp gui;
    private static ElmStudioApp app;
    private static Path workspace;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void startApp() throws Exception {
        workspace = ComparisonFixture.workspaceWithBaseline(temp);
        gui = GuiApp.start();
        app = gui.app();
    }

    @AfterAll
    static void stopApp() throws Exception {
        gui.close();
    }

    @Test
    void comparingShowsBothTextsWithScoresAndTheReportShowsBothModels() throws Exception {
        gui.openWorkspace(workspace);
        robot.clickOn("#nav-compare");

        ComboBox<?> runs = gui.lookup("#compare-run", ComboBox.class);
        waitUntil(10, () -> runs.getItems().size() == 1);
        robot.clickOn(runs);
        robot.clickOn("Run 1 · elm tiny/vectors (with baseline)");
        waitUntil(60, () -> !app.compareModel().loadingProperty().get() && !app.compareModel().films().isEmpty());
        assertTrue(gui.lookup("#compare-baseline-status", Label.class).getText().startsWith("Baseline: text-only baseline"));

        robot.clickOn("#compare-go");
        waitUntil(60, () -> !app.compareModel().runningProperty().get()
                && !gui.lookup("#compare-baseline-scores", Label.class).getText().isEmpty());
        String elmText = gui.lookup("#compare-elm-text", TextArea.class).getText();
        String baselineText = gui.lookup("#compare-baseline-text", TextArea.class).getText();
        assertFalse(elmText.isBlank());
        assertFalse(baselineText.isBlank());
        assertTrue(gui.lookup("#compare-elm-scores", Label.class).getText().startsWith("SC "));
        assertTrue(gui.lookup("#compare-baseline-received", Label.class).getText().contains("Film 1 (1991)"));
        assertEquals(1, robot.listWindows().size(), "no error dialog");
        gui.screenshot("compare");

        robot.interact(() -> {
            app.compareModel().kindProperty().set(CompareViewModel.InputKind.INTERPOLATION);
            app.compareModel().tProperty().set(0.7);
        });
        robot.clickOn("#compare-go");
        waitUntil(60, () -> !app.compareModel().runningProperty().get()
                && !gui.lookup("#compare-baseline-scores", Label.class).getText().isEmpty());
        assertTrue(gui.lookup("#compare-elm-received", Label.class).getText().contains("t = 0.70"));
        Label note = gui.lookup("#compare-baseline-note", Label.class);
        assertTrue(note.isVisible() && note.getText().startsWith("t reaches only the ELM"), note::getText);
        gui.screenshot("compare-interpolation");

        robot.interact(() -> gui.lookup("#compare-tabs", TabPane.class).getSelectionModel().select(1));
        TableView<?> table = gui.lookup("#compare-report-table", TableView.class);
        waitUntil(10, () -> !table.getItems().isEmpty());
        assertTrue(table.getItems().size() >= 3, "target loss, exact match and SC at least");
        BarChart<?, ?> chart = gui.lookup("#compare-chart-summary", BarChart.class);
        assertEquals(2, chart.getData().size(), "ELM and baseline bars");
        gui.screenshot("compare-reports");
    }
}
