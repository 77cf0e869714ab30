package dev.elmstudio.app.ui;

import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;

/**
 * A line chart of training curves against the step. Symbols and animation are off: with hundreds of
 * points per series they cost frame time and say nothing. Long series are thinned to
 * {@value #MAX_POINTS} points so a long run stays cheap to draw.
 */
public final class MetricChart extends LineChart<Number, Number> {

    static final int MAX_POINTS = 600;

    /** The lists {@link #follow} listens to, so {@link #unfollowAll} can let go of them. */
    private final List<Runnable> unfollows = new java.util.ArrayList<>();

    public MetricChart(String title, String yLabel) {
        super(new NumberAxis(), new NumberAxis());
        setTitle(title);
        getXAxis().setLabel("step");
        getYAxis().setLabel(yLabel);
        ((NumberAxis) getYAxis()).setForceZeroInRange(false);
        setCreateSymbols(false);
        setAnimated(false);
        getStyleClass().add("metric-chart");
    }

    /** Adds a series that follows {@code points} as it grows (live training). */
    public XYChart.Series<Number, Number> follow(String name, ObservableList<MetricPoint> points) {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        series.setName(name);
        for (MetricPoint point : points) { // what the list holds already
            series.getData().add(new XYChart.Data<>(point.step(), point.value()));
        }
        getData().add(series);
        ListChangeListener<MetricPoint> listener = change -> {
            while (change.next()) {
                if (change.wasRemoved() && points.isEmpty()) {
                    series.getData().clear();
                }
                if (change.wasAdded()) {
                    // One addAll per change: the chart lays itself out once per batch, not once per point.
                    List<XYChart.Data<Number, Number>> added = new java.util.ArrayList<>();
                    for (MetricPoint point : change.getAddedSubList()) {
                        added.add(new XYChart.Data<>(point.step(), point.value()));
                    }
                    series.getData().addAll(added);
                    if (series.getData().size() > 2 * MAX_POINTS) {
                        thinInPlace(series);
                    }
                }
            }
        };
        points.addListener(listener);
        unfollows.add(() -> points.removeListener(listener));
        return series;
    }

    /** Stops following every list and removes all series (before following other curves). */
    public void unfollowAll() {
        unfollows.forEach(Runnable::run);
        unfollows.clear();
        getData().clear();
    }

    /** A fixed series (a finished or polled run). */
    public void addSeries(String name, List<MetricPoint> points) {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        series.setName(name);
        int stride = Math.max(1, points.size() / MAX_POINTS);
        for (int i = 0; i < points.size(); i += stride) {
            series.getData().add(new XYChart.Data<>(points.get(i).step(), points.get(i).value()));
        }
        getData().add(series);
    }

    /** Keeps every other point; the newest one always stays. */
    private static void thinInPlace(XYChart.Series<Number, Number> series) {
        List<XYChart.Data<Number, Number>> data = series.getData();
        XYChart.Data<Number, Number> last = data.get(data.size() - 1);
        List<XYChart.Data<Number, Number>> kept = new java.util.ArrayList<>();
        for (int i = 0; i < data.size(); i += 2) {
            kept.add(data.get(i));
        }
        if (kept.get(kept.size() - 1) != last) {
            kept.add(last);
        }
        series.getData().setAll(kept);
    }
}
