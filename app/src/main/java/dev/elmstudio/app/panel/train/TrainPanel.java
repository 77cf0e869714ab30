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
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
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
        VBox form = new VBox(10, title, grid, problems, launch, createResumeBanner());
        form.setPadding(new Insets(12));
        form.setPrefWidth(380);
        return form;
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
        lossChart.follow("loss", model.loss());
        lossChart.follow("val_loss", model.validationLoss());
        MetricChart lrChart = new MetricChart("Learning rate", "lr");
        lrChart.setId("train-lr-chart");
        lrChart.follow("lr", model.learningRates());
        VBox.setVgrow(lossChart, Priority.ALWAYS);
        lrChart.setPrefHeight(200);

        VBox run = new VBox(8, status, progress, throughput, controls, lossChart, lrChart);
        run.setPadding(new Insets(12));
        return run;
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
