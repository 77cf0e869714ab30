package dev.elmstudio.app.panel.compare;

import dev.elmstudio.app.compare.CompareSession;
import dev.elmstudio.app.ui.Styles;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Compare panel's view: the input form on top, the ELM's and the baseline's answers side by side below (each
 * with what it received, its text and its SC/BC), and a second tab with the run's evaluation reports.
 */
public final class CompareView extends BorderPane {

    private final CompareViewModel model;

    public CompareView(CompareViewModel model) {
        this.model = model;
        setId("compare-panel");
        getStyleClass().add(Styles.PANEL);
        getStylesheets().add(CompareView.class.getResource("compare.css").toExternalForm());
        TabPane tabs = new TabPane(new Tab("Side by side", createSideBySide()),
                new Tab("Evaluation reports", new CompareReportView(model)));
        tabs.setId("compare-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        setCenter(tabs);
    }

    private Node createSideBySide() {
        HBox answers = new HBox(10, side(model.elm(), "elm", "ELM — the embedding goes into the prompt's slot"),
                side(model.baseline(), "baseline", "Text-only baseline — the title goes into the prompt"));
        answers.getChildren().forEach(child -> HBox.setHgrow(child, Priority.ALWAYS));
        VBox.setVgrow(answers, Priority.ALWAYS);
        VBox content = new VBox(10, createForm(), answers);
        content.setPadding(new Insets(12));
        return content;
    }

    private Node createForm() {
        ComboBox<ElmRunChoice> run = new ComboBox<>(model.runs());
        run.setId("compare-run");
        run.setPromptText("ELM run");
        run.setPrefWidth(360);
        run.valueProperty().bindBidirectional(model.runProperty());
        run.disableProperty().bind(model.runningProperty());
        Button refresh = new Button("Refresh");
        refresh.setOnAction(event -> model.refreshRuns());
        Label baseline = new Label();
        baseline.setId("compare-baseline-status");
        baseline.getStyleClass().add(Styles.MUTED);
        baseline.textProperty().bind(model.baselineStatusProperty());
        HBox runRow = row(new Label("ELM run"), run, refresh, baseline);

        ComboBox<CompareViewModel.InputKind> kind = new ComboBox<>();
        kind.getItems().setAll(CompareViewModel.InputKind.values());
        kind.setId("compare-kind");
        kind.valueProperty().bindBidirectional(model.kindProperty());
        ComboBox<String> task = new ComboBox<>(model.taskNames());
        task.setId("compare-task");
        task.valueProperty().bindBidirectional(model.taskProperty());
        ComboBox<CompareSession.Film> film = new ComboBox<>(model.films());
        film.setId("compare-film");
        film.setPrefWidth(220);
        film.valueProperty().bindBidirectional(model.filmProperty());
        HBox inputRow = row(new Label("Input"), kind, new Label("Task"), task, new Label("Film"), film);

        ComboBox<CompareSession.Film> towards = new ComboBox<>(model.films());
        towards.setId("compare-film2");
        towards.setPrefWidth(220);
        towards.valueProperty().bindBidirectional(model.secondFilmProperty());
        Slider t = slider("compare-t", 0, 1, model.tProperty().get());
        t.valueProperty().bindBidirectional(model.tProperty());
        Label tValue = valueLabel(t, "t = %.2f");
        Label tNote = new Label("t moves only the ELM's input; the baseline's prompt names both films.");
        tNote.getStyleClass().add(Styles.MUTED);
        HBox interpolationRow = row(new Label("Towards"), towards, t, tValue, tNote);
        showOnlyFor(interpolationRow, CompareViewModel.InputKind.INTERPOLATION);

        ComboBox<String> genre = new ComboBox<>(model.genres());
        genre.setId("compare-genre");
        genre.valueProperty().bindBidirectional(model.genreProperty());
        Slider strength = slider("compare-strength", -4, 4, model.strengthProperty().get());
        strength.valueProperty().bindBidirectional(model.strengthProperty());
        Label strengthValue = valueLabel(strength, "strength %+.2f");
        Label cavNote = new Label("The baseline cannot move in embedding space: see what it received below.");
        cavNote.getStyleClass().add(Styles.MUTED);
        HBox cavRow = row(new Label("CAV genre"), genre, strength, strengthValue, cavNote);
        showOnlyFor(cavRow, CompareViewModel.InputKind.CAV);

        Spinner<Integer> tokens = new Spinner<>(4, 256, model.maxTokensProperty().get(), 8);
        tokens.setId("compare-max-tokens");
        tokens.setPrefWidth(90);
        tokens.valueProperty().addListener((obs, old, now) -> model.maxTokensProperty().set(now));
        Button compare = new Button("Compare");
        compare.setId("compare-go");
        compare.setDefaultButton(true);
        BooleanBinding busy = model.runningProperty().or(model.loadingProperty()).or(model.runProperty().isNull());
        compare.disableProperty().bind(busy);
        compare.setOnAction(event -> model.compare());
        Button stop = new Button("Stop");
        stop.setId("compare-stop");
        stop.disableProperty().bind(model.runningProperty().not());
        stop.setOnAction(event -> model.cancel());
        Label status = new Label();
        status.setId("compare-status");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        HBox actionRow = row(new Label("Max tokens"), tokens, compare, stop, status);

        Label title = new Label("Compare the ELM with its text-only baseline (greedy decoding, same input)");
        title.getStyleClass().add(Styles.PANEL_TITLE);
        return new VBox(8, title, runRow, inputRow, interpolationRow, cavRow, actionRow);
    }

    private Node side(AnswerSide side, String id, String header) {
        Label title = new Label(header);
        title.getStyleClass().add(Styles.PANEL_TITLE);
        Label received = new Label();
        received.setId("compare-" + id + "-received");
        received.getStyleClass().add("compare-received");
        received.setWrapText(true);
        received.textProperty().bind(Bindings.createStringBinding(() -> side.receivedProperty().get().isEmpty() ? ""
                : "Received: " + side.receivedProperty().get(), side.receivedProperty()));
        Label note = new Label();
        note.setId("compare-" + id + "-note");
        note.getStyleClass().add(Styles.BANNER);
        note.setWrapText(true);
        note.textProperty().bind(side.noteProperty());
        note.visibleProperty().bind(side.noteProperty().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());
        TextArea text = new TextArea();
        text.setId("compare-" + id + "-text");
        text.setEditable(false);
        text.setWrapText(true);
        text.textProperty().bind(side.textProperty());
        VBox.setVgrow(text, Priority.ALWAYS);
        Label scores = new Label();
        scores.setId("compare-" + id + "-scores");
        scores.getStyleClass().add("compare-scores");
        scores.setWrapText(true);
        scores.textProperty().bind(side.scoresProperty());
        VBox box = new VBox(title, received, note, text, scores);
        box.getStyleClass().add("compare-side");
        box.setPrefWidth(400);
        return box;
    }

    private void showOnlyFor(Node node, CompareViewModel.InputKind kind) {
        node.visibleProperty().bind(model.kindProperty().isEqualTo(kind));
        node.managedProperty().bind(node.visibleProperty());
    }

    private static Slider slider(String id, double min, double max, double value) {
        Slider slider = new Slider(min, max, value);
        slider.setId(id);
        slider.setPrefWidth(160);
        return slider;
    }

    private static Label valueLabel(Slider slider, String format) {
        Label label = new Label();
        label.textProperty().bind(Bindings.createStringBinding(() -> String.format(Locale.ROOT, format, slider.getValue()),
                slider.valueProperty()));
        label.setMinWidth(90);
        return label;
    }

    private static HBox row(Node... children) {
        HBox row = new HBox(8, children);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }
}
