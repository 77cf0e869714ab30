package dev.elmstudio.app.panel.compare;

import dev.elmstudio.app.compare.RunReport;
import dev.elmstudio.app.ui.Styles;
import dev.elmstudio.engine.eval.MetricSummary;
import dev.elmstudio.storage.EvalRun;
import java.time.ZoneId;
import java.util.ArrayList;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The run's evaluation reports: a table per (task, metric) with each model's mean and 95% bootstrap interval, and a
 * bar chart per task, ELM beside baseline. Charts show the metrics on a [−1, 1]-like scale (SC, BC, exact match);
 * the target loss, on its own scale, is in the table only.
 */
final class CompareReportView extends BorderPane {
    /** Metrics the charts leave to the table: a different scale would flatten the others' bars. */
    private static final Set<String> TABLE_ONLY = Set.of("target_loss");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private final CompareViewModel model;
    private final VBox charts = new VBox(10);

    CompareReportView(CompareViewModel model) {
        this.model = model;
        ComboBox<EvalRun> evaluation = new ComboBox<>(model.reports().evaluations());
        evaluation.setId("compare-evaluation");
        evaluation.setPrefWidth(420);
        evaluation.setConverter(new StringConverter<>() {
            @Override
            public String toString(EvalRun e) {
                return e == null ? "" : "Evaluation " + e.id() + " · " + e.name() + " · " + e.status().dbValue() + " · "
                        + TIME.format(e.createdAt());
            }

            @Override
            public EvalRun fromString(String text) {
                return null;
            }
        });
        evaluation.valueProperty().bindBidirectional(model.reports().evaluationProperty());
        Label empty = new Label("No evaluation of this run yet: 'elm eval RUN --baseline' scores the ELM and its"
                + " baseline on the same items.");
        empty.getStyleClass().add(Styles.MUTED);
        empty.visibleProperty().bind(model.runProperty().isNotNull().and(
                Bindings.isEmpty(model.reports().evaluations())));
        empty.managedProperty().bind(empty.visibleProperty());
        Label evaluationLabel = new Label("Evaluation");
        evaluationLabel.setMinWidth(Region.USE_PREF_SIZE);
        Label scope = new Label();
        scope.setId("compare-evaluation-scope");
        scope.getStyleClass().add(Styles.MUTED);
        scope.textProperty().bind(Bindings.createStringBinding(
                () -> EvaluationScope.describe(model.reports().evaluationProperty().get()), model.reports().evaluationProperty()));
        HBox chooser = new HBox(8, evaluationLabel, evaluation, empty);
        chooser.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(4, chooser, scope);
        top.setPadding(new Insets(12, 12, 6, 12));
        setTop(top);

        charts.setId("compare-report-charts");
        charts.setPadding(new Insets(8));
        ScrollPane chartScroll = new ScrollPane(charts);
        chartScroll.setFitToWidth(true);
        SplitPane split = new SplitPane(createTable(), chartScroll);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.45);
        setCenter(split);
        model.reports().rows().addListener((ListChangeListener<RunReport.Row>) change -> redrawCharts());
    }

    private TableView<RunReport.Row> createTable() {
        TableView<RunReport.Row> table = new TableView<>(model.reports().rows());
        table.setId("compare-report-table");
        table.setPlaceholder(new Label("No results to show."));
        table.getColumns().add(column("Task", 140, RunReport.Row::task));
        table.getColumns().add(column("Metric", 110, RunReport.Row::metric));
        table.getColumns().add(column("ELM mean [95% CI]", 220, row -> summary(row.elm())));
        table.getColumns().add(column("Baseline mean [95% CI]", 220, row -> summary(row.baseline())));
        table.getColumns().add(column("Items (ELM / baseline)", 160, row -> items(row.elm()) + " / " + items(row.baseline())));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return table;
    }

    private static TableColumn<RunReport.Row, String> column(String title, double width,
            Function<RunReport.Row, String> value) {
        TableColumn<RunReport.Row, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }

    static String summary(MetricSummary s) {
        if (s == null) {
            return "—";
        }
        if (s.items() == 0) {
            return "undefined";
        }
        return String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", s.mean(), s.lower(), s.upper());
    }

    private static String items(MetricSummary s) {
        return s == null ? "—" : Integer.toString(s.items());
    }

    private void redrawCharts() {
        Map<String, List<RunReport.Row>> byTask = new LinkedHashMap<>();
        for (RunReport.Row row : model.reports().rows()) {
            if (!TABLE_ONLY.contains(row.metric())) {
                byTask.computeIfAbsent(row.task(), t -> new ArrayList<>()).add(row);
            }
        }
        charts.getChildren().clear();
        byTask.forEach((task, rows) -> charts.getChildren().add(chart(task, rows)));
    }

    private static BarChart<String, Number> chart(String task, List<RunReport.Row> rows) {
        CategoryAxis metrics = new CategoryAxis();
        NumberAxis value = new NumberAxis();
        value.setLabel("mean over items");
        BarChart<String, Number> chart = new BarChart<>(metrics, value);
        chart.setTitle("Task '" + task + "': ELM against baseline (95% intervals in the table)");
        chart.setAnimated(false);
        chart.setPrefHeight(260);
        chart.setId("compare-chart-" + task);
        chart.getStyleClass().add("compare-report-chart");
        XYChart.Series<String, Number> elm = new XYChart.Series<>();
        elm.setName("ELM");
        XYChart.Series<String, Number> baseline = new XYChart.Series<>();
        baseline.setName("Text-only baseline");
        for (RunReport.Row row : rows) {
            add(elm, row.metric(), row.elm());
            add(baseline, row.metric(), row.baseline());
        }
        chart.getData().add(elm);
        if (!baseline.getData().isEmpty()) {
            chart.getData().add(baseline);
        }
        return chart;
    }

    private static void add(XYChart.Series<String, Number> series, String metric, MetricSummary summary) {
        if (summary != null && summary.items() > 0) {
            series.getData().add(new XYChart.Data<>(metric, summary.mean()));
        }
    }
}
