package dev.elmstudio.app.panel.train;

import dev.elmstudio.app.ui.MetricChart;
import dev.elmstudio.app.ui.Styles;
import java.io.File;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** The Train panel's view: binds the form and the run to {@link TrainViewModel} and forwards clicks. */
public final class TrainPanel extends BorderPane {

    private final TrainViewModel model;

    public TrainPanel(TrainViewModel model) {
        this.model = model;
        setId("train-panel");
        getStyleClass().add(Styles.PANEL);
        getStylesheets().add(TrainPanel.class.getResource("train.css").toExternalForm());
        setLeft(createForm());
        setCenter(createRunView());
    }

    private Node createForm() {
        GridPane grid = new GridPane();
        grid.getStyleClass().add(Styles.FORM);
        ColumnConstraints labels = new ColumnConstraints();
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS); // the fields take the form's width, the corpus path most of all
        grid.getColumnConstraints().setAll(labels, fields);
        TextField corpus = field("corpus", model.corpusProperty());
        Button browse = new Button("Browse…");
        browse.setOnAction(event -> chooseCorpus());
        HBox corpusRow = new HBox(4, corpus, browse);
        HBox.setHgrow(corpus, Priority.ALWAYS);
        int row = 0;
        grid.addRow(row++, new Label("Corpus"), corpusRow);
        grid.addRow(row++, new Label("Vocabulary"), field("vocab", model.vocabProperty()));
        grid.addRow(row++, new Label("Layers"), field("layers", model.layersProperty()));
        grid.addRow(row++, new Label("Width"), field("width", model.widthProperty()));
        grid.addRow(row++, new Label("Heads"), field("heads", model.headsProperty()));
        grid.addRow(row++, new Label("Context"), field("context", model.contextProperty()));
        grid.addRow(row++, new Label("Batch"), field("batch", model.batchProperty()));
        grid.addRow(row++, new Label("Steps"), field("steps", model.stepsProperty()));
        grid.addRow(row++, new Label("Learning rate"), field("learning-rate", model.learningRateProperty()));

        Label problems = new Label();
        problems.setId("train-problems");
        problems.getStyleClass().add(Styles.PROBLEMS);
        problems.setWrapText(true);
        problems.textProperty().bind(model.problemsProperty());

        Button launch = new Button("Launch");
        launch.setId("train-launch");
        launch.setDefaultButton(true);
        launch.disableProperty().bind(model.canLaunchProperty().not());
        launch.setOnAction(event -> model.launch());

        Label title = new Label("Pretrain a base LM (GPT-2)");
        title.getStyleClass().add(Styles.PANEL_TITLE);
        VBox pretrainForm = new VBox(10, title, grid, problems);
        Label elmTitle = new Label("Train an ELM in two stages");
        elmTitle.getStyleClass().add(Styles.PANEL_TITLE);
        VBox elmForm = new VBox(10, elmTitle, new ElmFormView(model.elmForm()));
        showWhen(pretrainForm, TrainMode.PRETRAIN);
        showWhen(elmForm, TrainMode.ELM);

        ScrollPane scroll = new ScrollPane(new VBox(10, pretrainForm, elmForm));
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        VBox form = new VBox(10, createModeSwitch(), scroll, launch, createResumeBanner());
        form.setPadding(new Insets(12));
        form.setPrefWidth(420);
        return form;
    }

    /** Pretrain base LM | Train ELM: which form is shown (a run in progress keeps its charts). */
    private Node createModeSwitch() {
        ToggleGroup group = new ToggleGroup();
        HBox buttons = new HBox();
        for (TrainMode mode : TrainMode.values()) {
            ToggleButton button = new ToggleButton(mode.toString());
            button.setId("train-mode-" + mode.name().toLowerCase(java.util.Locale.ROOT));
            button.setToggleGroup(group);
            button.setUserData(mode);
            button.setSelected(model.modeProperty().get() == mode);
            buttons.getChildren().add(button);
        }
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true); // one mode is always chosen
            } else {
                model.modeProperty().set((TrainMode) now.getUserData());
            }
        });
        buttons.getStyleClass().add("mode-switch");
        return buttons;
    }

    private void showWhen(Node node, TrainMode mode) {
        node.visibleProperty().bind(model.modeProperty().isEqualTo(mode));
        node.managedProperty().bind(node.visibleProperty());
    }

    private Node createResumeBanner() {
        Label text = new Label();
        text.setWrapText(true);
        text.textProperty().bind(Bindings.createStringBinding(() -> {
            var run = model.resumeFinder().resumableRunProperty().get();
            return run == null ? "" : "Run " + run.id() + " (" + run.name() + ") stopped before its end ("
                    + run.status().dbValue() + "). It can continue from its latest checkpoint.";
        }, model.resumeFinder().resumableRunProperty()));
        Button resume = new Button("Resume run");
        resume.setId("train-resume-interrupted");
        resume.disableProperty().bind(model.runningProperty());
        resume.setOnAction(event -> model.resumeInterrupted());
        VBox banner = new VBox(6, text, resume);
        banner.getStyleClass().add(Styles.BANNER);
        banner.visibleProperty().bind(model.resumeFinder().resumableRunProperty().isNotNull());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    private Node createRunView() {
        Label status = new Label();
        status.setId("train-status");
        status.textProperty().bind(model.statusProperty());
        ProgressBar progress = new ProgressBar();
        progress.setId("train-progress");
        progress.progressProperty().bind(model.progressProperty());
        progress.setMaxWidth(Double.MAX_VALUE);
        Label throughput = new Label();
        throughput.setId("train-throughput");
        throughput.getStyleClass().add(Styles.MUTED);
        throughput.textProperty().bind(model.throughputProperty());

        Button pause = new Button("Pause");
        pause.setId("train-pause");
        pause.disableProperty().bind(model.runningProperty().not().or(model.pausedProperty()));
        pause.setOnAction(event -> model.pause());
        Button resume = new Button("Resume");
        resume.setId("train-resume");
        resume.disableProperty().bind(model.pausedProperty().not());
        resume.setOnAction(event -> model.resume());
        Button cancel = new Button("Cancel");
        cancel.setId("train-cancel");
        cancel.disableProperty().bind(model.runningProperty().not());
        cancel.setOnAction(event -> model.cancel());
        HBox controls = new HBox(6, pause, resume, cancel);

        MetricChart lossChart = new MetricChart("Loss", "cross-entropy");
        lossChart.setId("train-loss-chart");
        MetricChart lrChart = new MetricChart("Learning rate", "lr");
        lrChart.setId("train-lr-chart");
        followCurves(lossChart, lrChart);
        model.runModeProperty().addListener((obs, old, now) -> followCurves(lossChart, lrChart));
        VBox.setVgrow(lossChart, Priority.ALWAYS);
        lrChart.setPrefHeight(200);

        VBox run = new VBox(8, status, progress, throughput, controls, lossChart, lrChart);
        run.setPadding(new Insets(12));
        return run;
    }

    /** The run's curves: one loss and one rate for pretraining, one per stage (and validation) for an ELM. */
    private void followCurves(MetricChart lossChart, MetricChart lrChart) {
        lossChart.unfollowAll();
        lrChart.unfollowAll();
        if (model.runModeProperty().get() == TrainMode.ELM) {
            // Stage 2 is the second series in both charts, so it has the same colour in both.
            lossChart.follow("stage 1 loss", model.loss());
            lossChart.follow("stage 2 loss", model.stage2Loss());
            lossChart.follow("val_loss", model.validationLoss());
            lrChart.follow("stage 1 lr", model.learningRates());
            lrChart.follow("stage 2 lr", model.stage2LearningRates());
        } else {
            lossChart.follow("loss", model.loss());
            lossChart.follow("val_loss", model.validationLoss());
            lrChart.follow("lr", model.learningRates());
        }
    }

    private void chooseCorpus() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Corpus (UTF-8 text)");
        File file = chooser.showOpenDialog(getScene().getWindow());
        if (file != null) {
            model.corpusProperty().set(file.getAbsolutePath());
        }
    }

    private static TextField field(String id, StringProperty property) {
        TextField field = new TextField();
        field.setId("train-" + id);
        field.textProperty().bindBidirectional(property);
        field.setPrefColumnCount(8);
        return field;
    }
}
