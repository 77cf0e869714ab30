package dev.elmstudio.app.shell;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.Window;

/**
 * The one place errors become dialogs: a short sentence on top, the cause chain and stack trace
 * folded away below with a button that copies them. Also the handler for exceptions nobody caught,
 * so a bug shows the same readable dialog instead of vanishing into a console.
 */
public final class ErrorDialog implements DialogService, Thread.UncaughtExceptionHandler {

    private static final Logger LOG = Logger.getLogger(ErrorDialog.class.getName());
    private static final ButtonType COPY = new ButtonType("Copy details", ButtonBar.ButtonData.LEFT);

    private final Window owner;

    public ErrorDialog(Window owner) {
        this.owner = owner;
    }

    /** Makes this the handler of uncaught exceptions on every thread, the FX thread included. */
    public void installAsDefault() {
        Thread.setDefaultUncaughtExceptionHandler(this);
        if (Platform.isFxApplicationThread()) {
            Thread.currentThread().setUncaughtExceptionHandler(this);
        }
    }

    @Override
    public void uncaughtException(Thread thread, Throwable failure) {
        showError("Something went wrong in ELM Studio (" + thread.getName() + "). The details below help report it.",
                failure);
    }

    @Override
    public boolean confirm(String question, String details, String yesLabel) {
        ButtonType yes = new ButtonType(yesLabel, ButtonBar.ButtonData.OK_DONE);
        ButtonType no = new ButtonType("Not now", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, details, yes, no);
        alert.initOwner(owner);
        alert.setTitle("ELM Studio");
        alert.setHeaderText(question);
        return alert.showAndWait().filter(yes::equals).isPresent();
    }

    @Override
    public void showError(String summary, Throwable cause) {
        // The stack trace is logged once, here where the error reaches the user, and nowhere else.
        LOG.log(Level.WARNING, summary, cause);
        if (!Platform.isFxApplicationThread()) {
            Platform.runLater(() -> showError(summary, cause));
            return;
        }
        Alert alert = new Alert(Alert.AlertType.ERROR, "", ButtonType.OK, COPY);
        alert.initOwner(owner);
        alert.setTitle("ELM Studio");
        alert.setHeaderText(summary);
        alert.setContentText(cause == null ? "" : shortCause(cause));
        String details = cause == null ? summary : summary + "\n\n" + stackTrace(cause);
        TextArea area = new TextArea(details);
        area.setEditable(false);
        area.setWrapText(false);
        area.setPrefRowCount(14);
        alert.getDialogPane().setExpandableContent(area);
        // The copy button copies without closing the dialog.
        Button copy = (Button) alert.getDialogPane().lookupButton(COPY);
        copy.addEventFilter(javafx.event.ActionEvent.ACTION, event -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(details);
            Clipboard.getSystemClipboard().setContent(content);
            event.consume();
        });
        alert.show();
    }

    /** The innermost message: usually the one that names the file or value at fault. */
    static String shortCause(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        String top = cause.getMessage();
        return top != null && !top.equals(message) && !top.startsWith(root.getClass().getName())
                ? top + "\n(" + message + ")" : message;
    }

    static String stackTrace(Throwable cause) {
        StringWriter text = new StringWriter();
        cause.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
