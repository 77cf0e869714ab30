package dev.elmstudio.app.panel.rate;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * Rater mode on screen: a full-screen window with nothing but the item, its texts, the statements and the keys.
 * Every key goes through one filter on the scene that turns it into a {@link RaterViewModel} command; only the
 * comment and id fields take typed text. Closing the window or Esc asks for the researcher's PIN.
 */
public final class RaterWindow {

    static final String HELP = "1–5 answer the highlighted statement   ·   Tab / ↓ next   ·   Shift+Tab / ↑ back   ·"
            + "   ← → other text   ·   Enter next item   ·   Backspace previous item   ·   Esc leave (researcher's PIN)";

    private final Stage stage;
    private final RaterViewModel model;
    private final StackPane root = new StackPane();
    private final BorderPane content = new BorderPane();
    private final PasswordField pinField = new PasswordField();
    private final HBox cardBox = new HBox(24);
    private TextField raterIdField;

    /** @param onClosed runs when the researcher's PIN ends rater mode, just before this window closes */
    public RaterWindow(Stage stage, RaterStore store, List<String> styleSheets, Runnable onClosed) {
        this.stage = stage;
        this.model = new RaterViewModel(store, () -> {
            onClosed.run(); // first: it may show the researcher's window, and closing the last window ends the app
            stage.close();
        });
        root.setId("rater-root");
        root.getChildren().addAll(content, createPinPrompt());
        content.setTop(createHeader());
        content.setBottom(createFooter());
        model.phaseProperty().addListener((obs, old, phase) -> showPhase());
        model.cards().addListener((ListChangeListener<RaterViewModel.TextCard>) change -> rebuildCards());
        model.focusCardProperty().addListener((obs, old, now) -> showFocus());
        model.focusRowProperty().addListener((obs, old, now) -> showFocus());
        showPhase();
        Scene scene = new Scene(root, 1280, 800);
        scene.getStylesheets().setAll(styleSheets);
        scene.getStylesheets().add(RaterWindow.class.getResource("rate.css").toExternalForm());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        stage.setScene(scene);
        stage.setTitle("ELM Studio — rating");
        stage.setOnCloseRequest(event -> {
            event.consume();
            model.requestExit();
        });
    }

    public void show() {
        // Maximised rather than full screen: JavaFX's full-screen mode runs an exit-hint overlay animation that
        // throws when the window closes before it ends (seen under Monocle), and its Esc handling would have to be
        // switched off anyway, since Esc here asks for the researcher's PIN.
        stage.setMaximized(true);
        stage.show();
        raterIdField.requestFocus();
    }

    public RaterViewModel model() { return model; }
    public Parent root() { return root; }
    public Stage stage() { return stage; }

    private Node createHeader() {
        Label session = new Label("Rating session: " + model.sessionName());
        session.getStyleClass().add("muted");
        Label progress = new Label();
        progress.setId("rater-progress");
        progress.getStyleClass().add("rater-progress");
        progress.textProperty().bind(model.progressProperty());
        Label saved = new Label();
        saved.setId("rater-saved");
        saved.getStyleClass().add("muted");
        saved.textProperty().bind(Bindings.createStringBinding(() -> model.savedAnswersProperty().get() == 0 ? ""
                : "✓ saved", model.savedAnswersProperty()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(16, session, spacer, saved, progress);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("rater-header");
        return header;
    }

    private Node createFooter() {
        Label message = new Label();
        message.setId("rater-message");
        message.getStyleClass().add("rater-message");
        message.textProperty().bind(model.messageProperty());
        Label help = new Label(HELP);
        help.setId("rater-help");
        help.setWrapText(true);
        VBox footer = new VBox(6, message, help);
        footer.getStyleClass().add("rater-help");
        return footer;
    }

    private Node createWelcome() {
        Label title = new Label("Welcome, and thank you for rating.");
        title.getStyleClass().add("rater-item-label");
        Label explain = new Label("You will read short texts and say how much you agree with three statements about"
                + " each, from 1 (strongly disagree) to 5 (strongly agree). Use the keyboard only; the keys are listed"
                + " at the bottom of the screen. Every answer is saved the moment you give it.");
        explain.setWrapText(true);
        explain.setMaxWidth(720);
        raterIdField = new TextField();
        raterIdField.setId("rater-id");
        raterIdField.setPromptText("Your name or rater id");
        raterIdField.setMaxWidth(360);
        raterIdField.textProperty().bindBidirectional(model.raterIdInputProperty());
        Label hint = new Label("Type your name or id, then press Enter.");
        hint.getStyleClass().add("muted");
        VBox welcome = new VBox(16, title, explain, raterIdField, hint);
        welcome.setAlignment(Pos.CENTER);
        return welcome;
    }

    private Node createRating() {
        Label item = new Label();
        item.setId("rater-item");
        item.getStyleClass().add("rater-item-label");
        item.textProperty().bind(Bindings.concat("About: ", model.itemLabelProperty()));
        Label prompt = new Label();
        prompt.setId("rater-prompt");
        prompt.getStyleClass().add("rater-prompt");
        prompt.setWrapText(true);
        prompt.textProperty().bind(Bindings.concat("Task: ", model.promptProperty()));
        Label scale = new Label("1 strongly disagree · 2 disagree · 3 neither · 4 agree · 5 strongly agree");
        scale.getStyleClass().add("muted");
        cardBox.setFillHeight(true);
        VBox page = new VBox(12, item, prompt, scale, cardBox);
        page.setPadding(new Insets(18, 28, 18, 28));
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        scroll.setFocusTraversable(false);
        rebuildCards();
        return scroll;
    }

    private Node createDone() {
        Label done = new Label("Thank you! Every item is rated.\nPlease tell the researcher you are done.");
        done.setId("rater-done");
        done.getStyleClass().add("rater-item-label");
        StackPane box = new StackPane(done);
        return box;
    }

    private Node createPinPrompt() {
        Label title = new Label("Researcher's PIN");
        title.getStyleClass().add("rater-card-title");
        Label message = new Label();
        message.setId("rater-pin-message");
        message.setWrapText(true);
        message.textProperty().bind(model.pinMessageProperty());
        pinField.setId("rater-pin-field");
        Label hint = new Label("Enter to confirm · Esc to go back to rating");
        hint.getStyleClass().add("muted");
        VBox box = new VBox(title, message, pinField, hint);
        box.getStyleClass().add("rater-pin-box");
        StackPane overlay = new StackPane(box);
        overlay.setId("rater-pin");
        overlay.getStyleClass().add("rater-pin");
        overlay.visibleProperty().bind(model.pinPromptProperty().isNotNull());
        model.pinPromptProperty().addListener((obs, old, now) -> {
            pinField.clear();
            if (now != null) {
                pinField.requestFocus();
            } else {
                showFocus();
            }
        });
        return overlay;
    }

    private void showPhase() {
        switch (model.phaseProperty().get()) {
            case ENTER_ID -> content.setCenter(createWelcome());
            case RATING -> content.setCenter(createRating());
            case DONE -> content.setCenter(createDone());
        }
        showFocus();
    }

    private void rebuildCards() {
        cardBox.getChildren().clear();
        for (int c = 0; c < model.cards().size(); c++) {
            RaterCardView card = new RaterCardView(model.cards().get(c), c, model.statements());
            HBox.setHgrow(card, Priority.ALWAYS);
            cardBox.getChildren().add(card);
        }
        showFocus();
    }

    /** Highlights the focused cell; keyboard focus goes to a comment field only when its cell is focused. */
    private void showFocus() {
        if (model.pinPromptProperty().get() != null) {
            return;
        }
        int focusCard = model.focusCardProperty().get();
        int focusRow = model.focusRowProperty().get();
        for (int c = 0; c < cardBox.getChildren().size(); c++) {
            ((RaterCardView) cardBox.getChildren().get(c)).highlight(c == focusCard ? focusRow : -1);
        }
        if (model.phaseProperty().get() == RaterViewModel.Phase.ENTER_ID) {
            if (raterIdField != null) {
                raterIdField.requestFocus();
            }
        } else if (focusRow == RaterViewModel.COMMENT_ROW && focusCard < cardBox.getChildren().size()) {
            ((RaterCardView) cardBox.getChildren().get(focusCard)).comment().requestFocus();
        } else {
            root.requestFocus(); // away from any text field, so digits answer instead of typing
        }
    }

    private void onKey(KeyEvent event) {
        KeyCode code = event.getCode();
        if (model.pinPromptProperty().get() != null) {
            if (code == KeyCode.ENTER) {
                char[] pin = pinField.getText().toCharArray();
                pinField.clear();
                model.submitPin(pin);
                event.consume();
            } else if (code == KeyCode.ESCAPE) {
                model.cancelPin();
                event.consume();
            }
            return;
        }
        if (code == KeyCode.ESCAPE) {
            model.requestExit();
            event.consume();
            return;
        }
        boolean handled = switch (model.phaseProperty().get()) {
            case ENTER_ID -> code == KeyCode.ENTER && run(model::begin);
            case DONE -> code == KeyCode.BACK_SPACE && run(model::previous);
            case RATING -> model.focusRowProperty().get() == RaterViewModel.COMMENT_ROW
                    ? onCommentKey(event) : onRatingKey(event);
        };
        if (handled) {
            event.consume();
        }
    }

    /** In a comment, typing (Backspace, arrows, digits) edits the text; Tab, ↑ ↓ and Enter still navigate. */
    private boolean onCommentKey(KeyEvent event) {
        return switch (event.getCode()) {
            case TAB -> run(event.isShiftDown() ? model::focusPrevious : model::focusNext);
            case UP -> run(model::focusPrevious);
            case DOWN -> run(model::focusNext);
            case ENTER -> run(model::next);
            default -> false;
        };
    }

    private boolean onRatingKey(KeyEvent event) {
        KeyCode code = event.getCode();
        int digit = switch (code) {
            case DIGIT1, NUMPAD1 -> 1;
            case DIGIT2, NUMPAD2 -> 2;
            case DIGIT3, NUMPAD3 -> 3;
            case DIGIT4, NUMPAD4 -> 4;
            case DIGIT5, NUMPAD5 -> 5;
            default -> 0;
        };
        if (digit > 0) {
            model.score(digit);
            return true;
        }
        return switch (code) {
            case TAB -> run(event.isShiftDown() ? model::focusPrevious : model::focusNext);
            case DOWN -> run(model::focusNext);
            case UP -> run(model::focusPrevious);
            case LEFT -> run(() -> model.focusOtherText(-1));
            case RIGHT -> run(() -> model.focusOtherText(+1));
            case ENTER -> run(model::next);
            case BACK_SPACE -> run(model::previous);
            default -> false;
        };
    }

    private static boolean run(Runnable action) {
        action.run();
        return true;
    }
}
