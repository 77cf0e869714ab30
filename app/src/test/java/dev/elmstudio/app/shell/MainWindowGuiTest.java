package dev.elmstudio.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.elmstudio.app.testing.PulseMonitor;
import dev.elmstudio.app.testing.Screenshots;
import dev.elmstudio.app.testing.TestSettings;
import dev.elmstudio.app.testing.TinyCorpus;
import dev.elmstudio.storage.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drives the real window on Monocle's headless screen: create a workspace, train a tiny model, watch
 * the chart fill and the run finish, open the run in Runs; takes the screenshots of every panel.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MainWindowGuiTest {

    @TempDir
    static Path temp;

    private static TestSettings testSettings;
    private static ElmStudioApp app;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void startApp() throws Exception {
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
    @Order(1)
    void createWorkspaceTrainATinyModelAndReopenItInRuns() throws Exception {
        Path workspace = temp.resolve("workspace");
        robot.interact(() -> Screenshots.save(window(), "welcome"));
        robot.clickOn("#workspace-path");
        robot.interact(() -> lookup("#workspace-path", ComboBox.class).getEditor().setText(workspace.toString()));
        robot.clickOn("#workspace-create");
        waitUntil(10, () -> workspace.equals(app.mainModel().workspaceProperty().get()));
        assertTrue(Files.isRegularFile(workspace.resolve("elm.db")));

        robot.clickOn("#nav-train");
        Path corpus = TinyCorpus.write(temp);
        fill("#train-corpus", corpus.toString());
        fill("#train-vocab", "300");
        fill("#train-layers", "1");
        fill("#train-width", "32");
        fill("#train-heads", "2");
        fill("#train-context", "32");
        fill("#train-batch", "4");
        fill("#train-steps", "30");
        fill("#train-learning-rate", "0.003");
        assertEquals("", lookup("#train-problems", Label.class).getText());

        robot.clickOn("#train-launch");
        waitUntil(90, () -> !app.trainModel().runningProperty().get());
        String status = lookup("#train-status", Label.class).getText();
        assertTrue(status.startsWith("Run 1 finished: 30 steps"), status);
        LineChart<?, ?> lossChart = lookup("#train-loss-chart", LineChart.class);
        assertEquals(30, points(lossChart, 0), "one point per step");
        assertTrue(points(lossChart, 1) >= 1, "validation loss points");
        assertEquals(30, points(lookup("#train-lr-chart", LineChart.class), 0));
        assertEquals(1, robot.listWindows().size(), "no error dialog");
        robot.interact(() -> Screenshots.save(window(), "train"));

        robot.clickOn("#nav-runs");
        TableView<?> runs = lookup("#runs-table", TableView.class);
        waitUntil(10, () -> runs.getItems().size() == 1);
        robot.clickOn(robot.lookup("#runs-table .table-row-cell").nth(0).queryAs(Node.class));
        LineChart<?, ?> runsLoss = lookup("#runs-loss-chart", LineChart.class);
        waitUntil(10, () -> !runsLoss.getData().isEmpty() && points(runsLoss, 0) == 30);
        assertEquals("finished", ((Run) runs.getItems().get(0)).status().dbValue());
        robot.interact(() -> Screenshots.save(window(), "runs"));

        TabPane tabs = lookup("#runs-tabs", TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1));
        TableView<?> checkpoints = lookup("#runs-checkpoints", TableView.class);
        waitUntil(10, () -> !checkpoints.getItems().isEmpty());
        robot.interact(() -> Screenshots.save(window(), "runs-checkpoints"));
        robot.interact(() -> tabs.getSelectionModel().select(0));

        robot.clickOn("#theme-toggle");
        robot.interact(() -> Screenshots.save(window(), "runs-dark"));
        robot.clickOn("#nav-train");
        robot.interact(() -> Screenshots.save(window(), "train-dark"));
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
        fill("#train-steps", "60");
        try (PulseMonitor pulse = new PulseMonitor().start()) {
            robot.clickOn("#train-launch");
            waitUntil(90, () -> !app.trainModel().runningProperty().get());
            assertTrue(lookup("#train-status", Label.class).getText().contains("finished"));
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
        TableView<?> runs = lookup("#runs-table", TableView.class);
        waitUntil(10, () -> runs.getItems().size() == 2);
        robot.interact(() -> runs.getSelectionModel().selectAll());
        LineChart<?, ?> runsLoss = lookup("#runs-loss-chart", LineChart.class);
        waitUntil(10, () -> runsLoss.getData().size() == 4); // loss and val_loss of each run
        robot.interact(() -> Screenshots.save(window(), "runs-overlay"));
    }

    @Test
    @Order(3)
    void aFailureShowsOneReadableDialogWithDetailsToCopy() throws Exception {
        Path notAWorkspace = Files.createDirectories(temp.resolve("not-a-workspace"));
        robot.interact(() -> lookup("#workspace-path", ComboBox.class).getEditor().setText(notAWorkspace.toString()));
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

    private void fill(String id, String text) {
        TextField field = lookup(id, TextField.class);
        robot.clickOn(field);
        robot.interact(() -> field.setText(text));
    }

    private static int points(LineChart<?, ?> chart, int series) {
        return chart.getData().get(series).getData().size();
    }

    private Node window() {
        return robot.listWindows().get(0).getScene().getRoot();
    }

    private <T> T lookup(String query, Class<T> type) {
        return type.cast(robot.lookup(query).query());
    }

    private static void waitUntil(int seconds, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
