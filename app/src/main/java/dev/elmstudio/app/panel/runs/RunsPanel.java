package dev.elmstudio.app.panel.runs;

import dev.elmstudio.app.ui.MetricChart;
import dev.elmstudio.app.ui.Styles;
import dev.elmstudio.storage.Checkpoint;
import dev.elmstudio.storage.Run;
import java.io.File;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.util.Duration;

/**
 * The Runs panel's view. Polls the view model once a second while it is shown (the read itself
 * runs in the background), so runs being written, here or by the command line, update live.
 */
public final class RunsPanel extends BorderPane {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private final RunsViewModel model;
    private final MetricChart lossChart = new MetricChart("Loss (overlay of the selected runs)", "cross-entropy");
    private final MetricChart lrChart = new MetricChart("Learning rate", "lr");
    private final Timeline poll;

    public RunsPanel(RunsViewModel model) {
        this.model = model;
        setId("runs-panel");
        getStyleClass().add(Styles.PANEL);
        getStylesheets().add(RunsPanel.class.getResource("runs.css").toExternalForm());
        lossChart.setId("runs-loss-chart");
        lrChart.setId("runs-lr-chart");
        SplitPane split = new SplitPane(createRunTable(), createDetails());
        split.setDividerPositions(0.42);
        setCenter(split);
        model.curves().addListener((ListChangeListener<RunCurves>) change -> redrawCharts());
        poll = new Timeline(new KeyFrame(Duration.seconds(1), event -> model.refresh()));
        poll.setCycleCount(Timeline.INDEFINITE);
        // Poll only while the panel is in a window and visible: a hidden panel costs nothing.
        sceneProperty().addListener((obs, old, scene) -> updatePolling());
        visibleProperty().addListener((obs, old, now) -> updatePolling());
    }

    private void updatePolling() {
        if (getScene() != null && isVisible()) {
            model.refresh();
            poll.play();
        } else {
            poll.stop();
        }
    }

    private void selectRowsOfSelectedIds(TableView<Run> table) {
        for (Run run : model.runs()) {
            if (model.selectedRunIds().contains(run.id()) && !table.getSelectionModel().getSelectedItems().contains(run)) {
                table.getSelectionModel().select(run);
            }
        }
    }

    private Node createRunTable() {
        TableView<Run> table = new TableView<>(model.runs());
        table.setId("runs-table");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getColumns().add(column("#", 50, run -> run.id()));
        table.getColumns().add(column("Name", 190, Run::name));
        table.getColumns().add(column("Kind", 70, run -> run.kind().dbValue()));
        table.getColumns().add(column("Status", 90, run -> run.status().dbValue()));
        table.getColumns().add(column("Updated", 150, run -> TIME.format(run.updatedAt())));
        table.setPlaceholder(new Label("No runs in this workspace yet. Train one, or record one with elm pretrain -w."));
        // Refreshing replaces the rows; keep the selection by id rather than by row.
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<Run>) change -> {
            var ids = table.getSelectionModel().getSelectedItems().stream().map(Run::id).toList();
            if (!ids.isEmpty() && !ids.equals(model.selectedRunIds())) {
                model.selectedRunIds().setAll(ids);
            }
        });
        model.runs().addListener((ListChangeListener<Run>) change -> selectRowsOfSelectedIds(table));
        // The model may select on its own (the newest run when a workspace opens).
        model.selectedRunIds().addListener((ListChangeListener<Long>) change -> selectRowsOfSelectedIds(table));
        Label title = new Label("Runs");
        title.getStyleClass().add(Styles.PANEL_TITLE);
        Label hint = new Label("Select several runs (Ctrl+click) to overlay their curves.");
        hint.getStyleClass().add(Styles.MUTED);
        Button delete = new Button("Delete…");
        delete.setId("runs-delete");
        delete.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        delete.setOnAction(event -> confirmDelete(table.getSelectionModel().getSelectedItem()));
        Label message = new Label();
        message.setId("runs-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        message.getStyleClass().add(Styles.MUTED);
        HBox actions = new HBox(8, delete, message);
        VBox box = new VBox(6, title, hint, table, actions);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(12));
        return box;
    }

    /** Asks before deleting: the run's rows and files go for good. */
    private void confirmDelete(Run run) {
        if (run == null) {
            return;
        }
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, model.deleteQuestion(run), ButtonType.CANCEL,
                ButtonType.OK);
        confirm.initOwner(getScene().getWindow());
        confirm.setTitle("Delete run");
        confirm.setHeaderText("Delete run " + run.id() + "?");
        confirm.getDialogPane().setId("runs-delete-confirm");
        ((Button) confirm.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true); // safe default
        ((Button) confirm.getDialogPane().lookupButton(ButtonType.OK)).setDefaultButton(false);
        confirm.showAndWait().filter(ButtonType.OK::equals).ifPresent(ok -> model.deleteRun(run.id()));
    }

    private Node createDetails() {
        VBox charts = new VBox(6, lossChart, lrChart);
        VBox.setVgrow(lossChart, Priority.ALWAYS);
        lrChart.setPrefHeight(180);
        TextArea config = new TextArea();
        config.setId("runs-config");
        config.setEditable(false);
        config.textProperty().bind(model.configTextProperty());
        TabPane tabs = new TabPane(new Tab("Metrics", charts), new Tab("Checkpoints", createCheckpoints()),
                new Tab("Configuration", config));
        tabs.setId("runs-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setPadding(new Insets(6));
        return tabs;
    }

    private Node createCheckpoints() {
        TableView<Checkpoint> table = new TableView<>(model.checkpoints());
        table.setId("runs-checkpoints");
        table.getColumns().add(column("Step", 80, Checkpoint::step));
        table.getColumns().add(column("Size", 100, c -> String.format(Locale.ROOT, "%.2f MB", c.sizeBytes() / 1e6)));
        table.getColumns().add(column("Written", 150, c -> TIME.format(c.createdAt())));
        table.getColumns().add(column("SHA-256", 140, c -> c.sha256().substring(0, 12) + "…"));
        table.getColumns().add(column("Path", 300, c -> c.path().toString()));
        table.setPlaceholder(new Label("Select a run to see its checkpoints."));
        Button export = new Button("Export…");
        export.setId("runs-export");
        export.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        export.setOnAction(event -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Export the checkpoint folder into");
            File folder = chooser.showDialog(getScene().getWindow());
            if (folder != null) {
                model.exportCheckpoint(table.getSelectionModel().getSelectedItem(), folder.toPath());
            }
        });
        Label message = new Label();
        message.textProperty().bind(model.messageProperty());
        message.getStyleClass().add(Styles.MUTED);
        VBox box = new VBox(6, table, new HBox(8, export, message));
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(6));
        return box;
    }

    private void redrawCharts() {
        lossChart.getData().clear();
        lrChart.getData().clear();
        for (RunCurves curves : model.curves()) {
            lossChart.addSeries(curves.label() + " loss", curves.loss());
            if (!curves.validationLoss().isEmpty()) {
                lossChart.addSeries(curves.label() + " val_loss", curves.validationLoss());
            }
            lrChart.addSeries(curves.label() + " lr", curves.learningRate());
        }
    }

    private static <S, T> TableColumn<S, T> column(String title, double width, java.util.function.Function<S, T> value) {
        TableColumn<S, T> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return column;
    }
}
