package dev.elmstudio.app.panel.rate;

import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.robot.Robot;
import javafx.stage.Stage;

/**
 * Test child process: the real rater window on Monocle's headless screen. It starts rater {@code args[2]} on
 * session {@code args[1]} of workspace {@code args[0]}, presses the key {@code args[3]} through the glass robot, and
 * prints {@code handled <key>} once the window's key handling for that press has returned. Then it idles until
 * killed.
 */
public final class RaterModeProcess {
    private RaterModeProcess() {}

    public static void main(String[] args) {
        Path workspace = Path.of(args[0]);
        long session = Long.parseLong(args[1]);
        String rater = args[2];
        KeyCode key = KeyCode.valueOf(args[3]);
        Platform.startup(() -> {
            RaterWindow window = new RaterWindow(new Stage(), WorkspaceRaterStore.open(workspace, session), List.of(),
                    () -> { });
            window.show();
            window.model().raterIdInputProperty().set(rater);
            window.model().begin();
            window.stage().getScene().addEventFilter(KeyEvent.KEY_PRESSED, event -> {
                if (event.getCode() == key) {
                    // runs after this event's whole dispatch, rater mode's own handling included, has returned
                    Platform.runLater(() -> {
                        System.out.println("handled " + key + " saved=" + window.model().savedAnswersProperty().get());
                        System.out.flush();
                    });
                }
            });
            System.out.println("ready");
            System.out.flush();
            Robot robot = new Robot();
            robot.keyPress(key);
            robot.keyRelease(key);
        });
    }
}
