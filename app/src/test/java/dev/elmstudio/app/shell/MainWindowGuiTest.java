package dev.elmstudio.app.shell;

import static dev.elmstudio.app.testing.GuiApp.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.elmstudio.app.testing.GuiApp;
import dev.elmstudio.app.testing.PulseMonitor;
import dev.elmstudio.app.testing.Screenshots;
import dev.elmstudio.app.testing.TinyCorpus;
import dev.elmstudio.storage.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.control.DialogPane;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drives the real window on Monocle's headless screen: create a workspace, train a tiny model, watch
 * the chart fill and the run finish, open the run in Runs; takes the screenshots of every panel.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MainWindowGuiTest {

    @TempDir
    static Path temp;

    private static GuiApp gui;
    private static ElmStudioApp app;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void startApp() throws Exception {
        gui = GuiApp.start();
        app = gui.app();
    }

    @AfterAll
    static void stopApp() throws Exception {
        gui.close();
    }

    @Test
    @Order(1)
    void createWorkspaceTrainATinyModelAndReopenItInRuns() throws Exception {
        Path workspace = temp.resolve("workspace");
        gui.screenshot("welcome");
        gui.createWorkspace(workspace);
        assertTrue(Files.isRegularFile(workspace.resolve("elm.db")));

        robot.clickOn("#nav-train");
        Path corpus = TinyCorpus.write(temp);
        gui.clickAndFill("#train-corpus", corpus.toString());
        gui.clickAndFill("#train-vocab", "300");
        gui.clickAndFill("#train-layers", "1");
        gui.clickAndFill("#train-width", "32");
        gui.clickAndFill("#train-heads", "2");
        gui.clickAndFill("#train-context", "32");
        gui.clickAndFill("#train-batch", "4");
        gui.clickAndFill("#train-steps", "30");
        gui.clickAndFill("#train-learning-rate", "0.003");
        assertEquals("", gui.lookup("#train-problems", Label.class).getText());

        robot.clickOn("#train-launch");
        waitUntil(90, () -> !app.trainModel().runningProperty().get());
        String status = gui.lookup("#train-status", Label.class).getText();
        assertTrue(status.startsWith("Run 1 finished: 30 steps"), status);
        LineChart<?, ?> lossChart = gui.lookup("#train-loss-chart", LineChart.class);
        assertEquals(30, points(lossChart, 0), "one point per step");
        assertTrue(points(lossChart, 1) >= 1, "validation loss points");
        assertEquals(30, points(gui.lookup("#train-lr-chart", LineChart.class), 0));
        assertEquals(1, robot.listWindows().size(), "no error dialog");
        gui.screenshot("train");

        robot.clickOn("#nav-runs");
        TableView<?> runs = gui.lookup("#runs-table", TableView.class);
        waitUntil(10, () -> runs.getItems().size() == 1);
        robot.clickOn(robot.lookup("#runs-table .table-row-cell").nth(0).queryAs(Node.class));
        LineChart<?, ?> runsLoss = gui.lookup("#runs-loss-chart", LineChart.class);
        waitUntil(10, () -> !runsLoss.getData().isEmpty() && points(runsLoss, 0) == 30);
        assertEquals("finished", ((Run) runs.getItems().get(0)).status().dbValue());
        gui.screenshot("runs");

        TabPane tabs = gui.lookup("#runs-tabs", TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1));
        TableView<?> checkpoints = gui.lookup("#runs-checkpoints", TableView.class);
        waitUntil(10, () -> !checkpoints.getItems().isEmpty());
        gui.screenshot("runs-checkpoints");
        robot.interact(() -> tabs.getSelectionModel().select(0));

        robot.clickOn("#theme-toggle");
        gui.screenshot("runs-dark");
        robot.clickOn("#nav-train");
        gui.screenshot("train-dark");
        robot.clickOn("#theme-toggle");
    }

    @Test
    @Order(2)
    void theFxThreadIsNeverBlockedLongerThan100msDuringTraining() throws Exception {
        waitUntil(10, () -> app.mainModel().workspaceProperty().get() != null);
        robot.clickOn("#nav-runs");
        // Ctrl+<number> opens the panel at that place in the navigation
        robot.push(KeyCode.CONTROL, KeyCode.getKeyCode(String.valueOf(PanelId.TRAIN.ordinal() + 1)));
        assertEquals(PanelId.TRAIN, app.mainModel().panelProperty().get());
        gui.clickAndFill("#train-steps", "60");
        try (PulseMonitor pulse = new PulseMonitor().start()) {
            robot.clickOn("#train-launch");
            waitUntil(90, () -> !app.trainModel().runningProperty().get());
            assertTrue(gui.lookup("#train-status", Label.class).getText().contains("finished"));
            assertTrue(pulse.samples() > 10, "the monitor ran (" + pulse.samples() + " samples)");
            System.out.println("pulse: " + pulse.samples() + " samples, longest FX thread delay "
                    + pulse.maxDelayMillis() + " ms, of which not waiting for a core " + pulse.maxOwnDelayMillis()
                    + " ms (GC meanwhile " + pulse.gcDuringMaxOwnDelayMillis() + " ms, render thread waiting for a core "
                    + pulse.renderQueuedDuringMaxOwnDelayMillis() + " ms, render thread CPU "
                    + pulse.renderCpuDuringMaxOwnDelayMillis() + " ms, host steal " + pulse.stealDuringMaxOwnDelayMillis()
                    + " ms), FX thread CPU "
                    + pulse.maxBusyMillis() + " ms");
            // The wall-clock delay also counts time the FX thread sat ready on a run queue while other
            // processes held both cores; what the app itself can block is the rest (see PulseMonitor).
            assertTrue(pulse.maxOwnDelayMillis() < 100, "FX thread blocked for " + pulse.maxOwnDelayMillis() + " ms");
        }

        // Both runs overlaid in Runs: the screenshot of the comparison view.
        robot.clickOn("#nav-runs");
        TableView<?> runs = gui.lookup("#runs-table", TableView.class);
        waitUntil(10, () -> runs.getItems().size() == 2);
        robot.interact(() -> runs.getSelectionModel().selectAll());
        LineChart<?, ?> runsLoss = gui.lookup("#runs-loss-chart", LineChart.class);
        waitUntil(10, () -> runsLoss.getData().size() == 4); // loss and val_loss of each run
        gui.screenshot("runs-overlay");
    }

    @Test
    @Order(3)
    void aFailureShowsOneReadableDialogWithDetailsToCopy() throws Exception {
        Path notAWorkspace = Files.createDirectories(temp.resolve("not-a-workspace"));
        gui.typeWorkspacePath(notAWorkspace);
        robot.clickOn("#workspace-open");
        waitUntil(10, () -> robot.listWindows().size() == 2);
        DialogPane dialog = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertEquals("Could not open the workspace " + notAWorkspace + ".", dialog.getHeaderText());
        assertTrue(dialog.getContentText().contains("is not an ELM Studio workspace"), dialog.getContentText());
        robot.interact(() -> dialog.setExpanded(true));
        robot.interact(() -> Screenshots.save(dialog, "error-dialog"));

        robot.clickOn("Copy details");
        String copied = clipboardText();
        assertTrue(copied != null && copied.contains("StorageException"), "details with the stack trace: " + copied);
        assertEquals(2, robot.listWindows().size(), "copying leaves the dialog open");
        robot.clickOn("OK");
        waitUntil(10, () -> robot.listWindows().size() == 1);
    }

    private static String clipboardText() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get();
    }


    private static int points(LineChart<?, ?> chart, int series) {
        return chart.getData().get(series).getData().size();
    }
}
