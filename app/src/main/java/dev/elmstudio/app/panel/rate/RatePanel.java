package dev.elmstudio.app.panel.rate;

import dev.elmstudio.app.ui.Styles;
import dev.elmstudio.storage.RaterSession;
import java.io.File;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.util.StringConverter;
import org.controlsfx.control.CheckListView;

/**
 * The researcher's Rate panel: a form that builds a rating session from evaluation outputs, the sessions with the
 * button that starts rater mode, and the selected session's results (means per task and model, Krippendorff's α)
 * with CSV export.
 */
public final class RatePanel extends BorderPane {

    private final RateViewModel model;
    private RaterWindow raterWindow;

    public RatePanel(RateViewModel model) {
        this.model = model;
        setId("rate-panel");
        getStyleClass().add(Styles.PANEL);
        getStylesheets().add(RatePanel.class.getResource("rate.css").toExternalForm());
        setLeft(createForm());
        setCenter(createResults());
        visibleProperty().addListener((obs, old, visible) -> {
            if (visible) {
                model.refresh(); // evaluations may have finished on the command line since
            }
        });
    }

    /** The rater window while rater mode is on (for tests); null otherwise. */
    public RaterWindow raterWindow() {
        return raterWindow;
    }

    private Node createForm() {
        Label title = new Label("New rating session");
        title.getStyleClass().add(Styles.PANEL_TITLE);
        CheckListView<ModelOutputs> models = new CheckListView<>();
        models.setId("rate-models");
        models.setPrefHeight(110);
        models.setItems(model.outputs());
        boolean[] showing = {false}; // while the view copies the model's selection, checks are not copied back
        ListChangeListener<ModelOutputs> showSelection = change -> {
            showing[0] = true;
            try {
                List.copyOf(model.selectedModels()).forEach(m -> models.getCheckModel().check(m));
            } finally {
                showing[0] = false;
            }
        };
        model.outputs().addListener(showSelection);
        model.selectedModels().addListener(showSelection);
        models.getCheckModel().getCheckedItems().addListener((ListChangeListener<ModelOutputs>) change -> {
            if (!showing[0]) {
                model.selectedModels().setAll(List.copyOf(models.getCheckModel().getCheckedItems()));
            }
        });
        CheckListView<String> tasks = new CheckListView<>();
        tasks.setId("rate-tasks");
        tasks.setPrefHeight(110);
        tasks.setItems(model.availableTasks());
        tasks.getCheckModel().getCheckedItems().addListener((ListChangeListener<String>) change ->
                model.selectedTasks().setAll(List.copyOf(tasks.getCheckModel().getCheckedItems())));

        GridPane grid = new GridPane();
        grid.getStyleClass().add(Styles.FORM);
        int row = 0;
        grid.addRow(row++, new Label("Name"), field("rate-name", model.sessionNameProperty()));
        grid.addRow(row++, new Label("Models"), models);
        grid.addRow(row++, new Label("Tasks"), tasks);
        grid.addRow(row++, new Label("Items per task"), field("rate-items", model.itemsPerTaskProperty()));
        CheckBox sideBySide = new CheckBox("Side by side (exactly two models)");
        sideBySide.setId("rate-side-by-side");
        sideBySide.selectedProperty().bindBidirectional(model.sideBySideProperty());
        grid.addRow(row++, new Label("Layout"), sideBySide);
        grid.addRow(row++, new Label("Seed"), field("rate-seed", model.seedProperty()));
        grid.addRow(row++, new Label("Researcher PIN"), pinField("rate-pin", model));
        PasswordField repeat = new PasswordField();
        repeat.setId("rate-pin-repeat");
        repeat.textProperty().bindBidirectional(model.pinRepeatProperty());
        grid.addRow(row++, new Label("PIN again"), repeat);

        Button create = new Button("Create session");
        create.setId("rate-create");
        create.setOnAction(event -> model.createSession());
        Label message = new Label();
        message.setId("rate-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        Label note = new Label("Raters see the items in an order of their own, never the model names; leaving"
                + " rater mode needs the PIN.");
        note.getStyleClass().add(Styles.MUTED);
        note.setWrapText(true);
        VBox form = new VBox(10, title, grid, create, message, note);
        form.setPadding(new Insets(12));
        form.setPrefWidth(420);
        return form;
    }

    private Node createResults() {
        Label title = new Label("Sessions and results");
        title.getStyleClass().add(Styles.PANEL_TITLE);
        ComboBox<RaterSession> sessions = new ComboBox<>(model.sessions());
        sessions.setId("rate-sessions");
        sessions.setPromptText("Choose a session");
        sessions.setConverter(new StringConverter<>() {
            @Override public String toString(RaterSession s) {
                return s == null ? "" : s.name() + " (id " + s.id() + ")";
            }
            @Override public RaterSession fromString(String text) {
                return null;
            }
        });
        sessions.setButtonCell(new ListCell<>() {
            @Override protected void updateItem(RaterSession s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? "Choose a session" : s.name() + " (id " + s.id() + ")");
            }
        });
        sessions.valueProperty().bindBidirectional(model.selectedSessionProperty());
        Button start = new Button("Start rater mode");
        start.setId("rate-start");
        start.setTooltip(new Tooltip("Full screen, keyboard only; the researcher's PIN ends it"));
        start.disableProperty().bind(model.selectedSessionProperty().isNull());
        start.setOnAction(event -> model.startRaterMode(this::openRaterMode));
        Button export = new Button("Export CSV…");
        export.setId("rate-export");
        export.disableProperty().bind(model.resultsProperty().isNull());
        export.setOnAction(event -> chooseExportFile());
        Button refresh = new Button("Refresh");
        refresh.setOnAction(event -> {
            model.refresh();
            model.loadResults();
        });
        HBox bar = new HBox(8, sessions, start, export, refresh);

        Label summary = new Label();
        summary.setId("rate-summary");
        summary.setWrapText(true);
        model.resultsProperty().addListener((obs, old, now) -> summary.setText(now == null ? "" : String.format(
                Locale.ROOT, "%d items · %d raters · %d answers. Mean agreement from 1 (strongly disagree) to 5 (strongly"
                        + " agree) · the same normalised to 0–1 as in the paper · (n answers); α over texts rated by"
                        + " two or more raters.",
                now.items(), now.summary().raters(), now.summary().answers())));

        TableView<RatingResults.ModelRow> means = new TableView<>();
        means.setId("rate-means");
        means.getStyleClass().add("rate-results-table");
        means.getColumns().add(column("Task", r -> r.task()));
        TableColumn<RatingResults.ModelRow, String> modelColumn = column("Model", r -> r.model());
        modelColumn.setPrefWidth(260);
        means.getColumns().add(modelColumn);
        for (int s = 0; s < Statements.COUNT; s++) {
            int statement = s;
            means.getColumns().add(column(Statements.shortName(s + 1), r -> Double.isNaN(r.mean()[statement]) ? "—"
                    : String.format(Locale.ROOT, "%.2f · %.2f (%d)", r.mean()[statement],
                            (r.mean()[statement] - 1) / 4, r.n()[statement])));
        }
        TableView<RatingResults.AgreementRow> agreement = new TableView<>();
        agreement.setId("rate-agreement");
        agreement.getStyleClass().add("rate-results-table");
        agreement.getColumns().add(column("Task", r -> r.task()));
        agreement.getColumns().add(column("Statement", r -> Statements.shortName(r.statement())));
        agreement.getColumns().add(column("α ordinal", r -> alpha(r.ordinalAlpha())));
        agreement.getColumns().add(column("α interval", r -> alpha(r.intervalAlpha())));
        agreement.getColumns().add(column("Texts", r -> Integer.toString(r.units())));
        agreement.getColumns().add(column("Raters", r -> Integer.toString(r.raters())));
        means.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        agreement.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        model.resultsProperty().addListener((obs, old, now) -> {
            means.getItems().setAll(now == null ? List.of() : now.summary().models());
            agreement.getItems().setAll(now == null ? List.of() : now.summary().agreement());
        });
        Label meansTitle = new Label("Mean agreement per task and model");
        Label agreementTitle = new Label("Inter-rater agreement (Krippendorff's α)");
        VBox results = new VBox(10, title, bar, summary, meansTitle, means, agreementTitle, agreement);
        VBox.setVgrow(means, Priority.ALWAYS);
        VBox.setVgrow(agreement, Priority.ALWAYS);
        results.setPadding(new Insets(12));
        return results;
    }

    /**
     * Hides the researcher's window while rater mode is on: it shows results with model names, and a rater must not
     * be able to switch to it. It comes back once the PIN has closed rater mode.
     */
    private void openRaterMode(RaterStore store) {
        Stage researcher = getScene().getWindow() instanceof Stage owner ? owner : null;
        raterWindow = new RaterWindow(new Stage(), store, getScene().getStylesheets(), () -> {
            raterWindow = null;
            if (researcher != null) {
                researcher.show();
            }
            model.loadResults();
        });
        raterWindow.show();
        if (researcher != null) {
            researcher.hide();
        }
    }

    private void chooseExportFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export every answer as CSV");
        chooser.setInitialFileName("ratings-session-" + model.selectedSessionProperty().get().id() + ".csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        File file = chooser.showSaveDialog(getScene().getWindow());
        if (file != null) {
            model.exportCsv(file.toPath());
        }
    }

    private static String alpha(double value) {
        return Double.isNaN(value) ? "—" : String.format(Locale.ROOT, "%.3f", value);
    }

    private static <R> TableColumn<R, String> column(String title, Function<R, String> value) {
        TableColumn<R, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }

    private static TextField field(String id, javafx.beans.property.StringProperty property) {
        TextField field = new TextField();
        field.setId(id);
        field.textProperty().bindBidirectional(property);
        return field;
    }

    private static PasswordField pinField(String id, RateViewModel model) {
        PasswordField field = new PasswordField();
        field.setId(id);
        field.textProperty().bindBidirectional(model.pinProperty());
        return field;
    }
}
