package dev.elmstudio.app.panel.rate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.elmstudio.app.shell.MainWindow;
import dev.elmstudio.app.task.DirectTaskRunner;
import dev.elmstudio.app.testing.RecordingDialogs;
import dev.elmstudio.app.testing.Screenshots;
import dev.elmstudio.storage.Rating;
import dev.elmstudio.storage.RatingComment;
import dev.elmstudio.storage.RatingItem;
import dev.elmstudio.storage.Workspace;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
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

/** Rater mode and the Rate panel in real windows on Monocle's headless screen, driven by key presses. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RateGuiTest {

    @TempDir
    static Path temp;

    private static Path folder;
    private static long session;
    private static final AtomicInteger closed = new AtomicInteger();
    private static RaterWindow window;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void prepare() throws Exception {
        FxToolkit.registerPrimaryStage();
        folder = RateFixtures.workspaceWithOutputs(temp.resolve("ws"));
        session = RateFixtures.createSession(folder, true, 2, 1);
    }

    @AfterAll
    static void cleanUp() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    @Order(1)
    void keyboardOnlyRatingSavesEachAnswerAndTheComment() throws Exception {
        robot.interact(() -> {
            window = new RaterWindow(new Stage(), WorkspaceRaterStore.open(folder, session), themeSheets(),
                    closed::incrementAndGet);
            window.show();
        });
        robot.targetWindow(window.stage()); // where write() types
        robot.write("ana");
        robot.type(KeyCode.ENTER);
        assertEquals(RaterViewModel.Phase.RATING, window.model().phaseProperty().get());
        assertEquals("Item 1 of 4", text("#rater-progress"));

        robot.type(KeyCode.DIGIT4, KeyCode.DIGIT3, KeyCode.DIGIT5);
        assertEquals(3, saved().size(), "each key press saved at once");
        robot.type(KeyCode.TAB); // the comment of Text A
        robot.write("vivid, 2 lines short");
        robot.type(KeyCode.TAB); // Text B, statement 1: leaving the comment saves it
        robot.type(KeyCode.DIGIT2, KeyCode.DIGIT2);
        robot.type(KeyCode.UP, KeyCode.UP); // back to statement 1 of Text B, and change the answer
        robot.type(KeyCode.DIGIT1);
        assertTrue(lookup("#rater-statement-1-1").getStyleClass().contains("focused-cell"), "focus moved on");
        robot.type(KeyCode.DOWN, KeyCode.NUMPAD3);
        robot.interact(() -> save(window.root(), "rate-rater"));

        robot.type(KeyCode.ENTER);
        assertEquals("Item 2 of 4", text("#rater-progress"));
        List<Rating> answers = saved();
        assertEquals(6, answers.size(), "statement 1 of Text B was replaced, not added");
        try (Workspace reader = Workspace.openReadOnly(folder)) {
            List<RatingComment> comments = reader.ratings().comments(session, "ana");
            assertEquals(1, comments.size());
            assertEquals("vivid, 2 lines short", comments.get(0).comment());
            RatingItem first = reader.ratings().items(session).stream()
                    .filter(i -> i.id() == comments.get(0).itemId()).findFirst().orElseThrow();
            boolean swapped = reader.ratings().plan(session, "ana").orElseThrow().steps().get(0).swapped();
            String sideOfTextA = swapped ? "right" : "left";
            assertEquals(sideOfTextA, comments.get(0).side(), "Text A's comment is stored against Text A's side");
            assertEquals(List.of(4, 3, 5), answers.stream().filter(r -> r.side().equals(sideOfTextA))
                    .map(Rating::score).toList());
            assertEquals(List.of(1, 2, 3), answers.stream().filter(r -> !r.side().equals(sideOfTextA))
                    .sorted(java.util.Comparator.comparingInt(Rating::statement)).map(Rating::score).toList());
            assertNotNull(first);
        }
        robot.type(KeyCode.BACK_SPACE);
        assertEquals("Item 1 of 4", text("#rater-progress"));
        assertEquals(4, window.model().cards().get(0).scoreProperty(0).get(), "earlier answers shown again");
    }

    @Test
    @Order(2)
    void leavingNeedsThePinAndAWrongPinKeepsRaterMode() {
        robot.targetWindow(window.stage());
        robot.type(KeyCode.ESCAPE);
        assertTrue(lookup("#rater-pin").isVisible());
        robot.write("0000");
        robot.type(KeyCode.ENTER);
        assertTrue(text("#rater-pin-message").startsWith("Wrong PIN"));
        assertTrue(window.stage().isShowing());
        assertEquals(0, closed.get());
        robot.type(KeyCode.ESCAPE); // back to rating, where digits answer again
        assertFalse(lookup("#rater-pin").isVisible());
        int before = window.model().savedAnswersProperty().get();
        robot.type(KeyCode.DIGIT5);
        assertEquals(before + 1, window.model().savedAnswersProperty().get());

        // closing the window asks for the PIN too
        robot.interact(() -> window.stage().fireEvent(new WindowEvent(window.stage(),
                WindowEvent.WINDOW_CLOSE_REQUEST)));
        assertTrue(window.stage().isShowing());
        assertTrue(lookup("#rater-pin").isVisible());
        robot.write(RateFixtures.PIN);
        robot.type(KeyCode.ENTER);
        assertFalse(window.stage().isShowing());
        assertEquals(1, closed.get());
    }

    @Test
    @Order(3)
    void resultsShowMeansAndAgreementAndStartRaterModeFromThePanel() throws Exception {
        try (Workspace writer = Workspace.open(folder)) {
            // two more raters, so agreement has something to measure; ana's answers are in from the tests above
            for (RatingItem item : writer.ratings().items(session)) {
                for (String rater : List.of("ben", "cy")) {
                    for (String side : List.of("left", "right")) {
                        String text = side.equals("left") ? item.leftText() : item.rightText();
                        for (int s = 1; s <= 3; s++) {
                            int score = text.contains("quiet") ? 4 + (rater.length() + s) % 2 : 2 + s % 2;
                            writer.ratings().record(new Rating(item.id(), rater, side, s, score, null, Instant.now()));
                        }
                    }
                }
            }
        }
        RateViewModel model = new RateViewModel(new DirectTaskRunner(), new RecordingDialogs());
        Stage[] stage = new Stage[1];
        RatePanel[] panel = new RatePanel[1];
        robot.interact(() -> {
            panel[0] = new RatePanel(model);
            stage[0] = new Stage();
            Scene scene = new Scene(panel[0], 1200, 760);
            scene.getStylesheets().setAll(themeSheets());
            stage[0].setScene(scene);
            stage[0].show();
            model.workspaceProperty().set(folder);
            model.selectedModels().setAll(model.outputs());
            model.selectedSessionProperty().set(model.sessions().get(0));
        });
        TableView<?> means = robot.lookup("#rate-means").queryAs(TableView.class);
        assertEquals(3 * 2, means.getItems().size(), "two models on pitch, summary and all tasks");
        assertEquals(3 * 3, robot.lookup("#rate-agreement").queryAs(TableView.class).getItems().size());
        assertTrue(text("#rate-summary").contains("3 raters"), text("#rate-summary"));
        robot.interact(() -> save(panel[0], "rate-results"));

        robot.clickOn("#rate-start");
        waitUntil(() -> panel[0].raterWindow() != null && panel[0].raterWindow().stage().isShowing());
        RaterWindow started = panel[0].raterWindow();
        assertFalse(stage[0].isShowing(), "the researcher's window, with model names, is hidden from raters");
        robot.type(KeyCode.ESCAPE);
        assertEquals(RaterViewModel.PinPurpose.EXIT, started.model().pinPromptProperty().get());
        robot.targetWindow(started.stage()); // write() types into TestFX's target window, not the focused one
        robot.write(RateFixtures.PIN);
        robot.type(KeyCode.ENTER);
        assertFalse(started.stage().isShowing());
        assertTrue(stage[0].isShowing(), "the researcher's window is back");
        robot.interact(stage[0]::close);
    }

    private static List<Rating> saved() {
        try (Workspace reader = Workspace.openReadOnly(folder)) {
            return reader.ratings().ratingsBy(session, "ana");
        }
    }

    private static List<String> themeSheets() {
        return List.of(MainWindow.class.getResource("light.css").toExternalForm(),
                MainWindow.class.getResource("app.css").toExternalForm());
    }

    private Node lookup(String query) {
        return robot.lookup(query).query();
    }

    private String text(String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private static void save(Node node, String name) {
        try {
            Screenshots.save(node, name);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::getAsBoolean);
    }
}
