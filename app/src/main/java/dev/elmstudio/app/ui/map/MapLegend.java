package dev.elmstudio.app.ui.map;

import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;
import javafx.scene.shape.Rectangle;

/**
 * The map's key: a swatch and count per category, or the colour ramp with its minimum and maximum. A
 * handful of nodes, rebuilt only when the colouring changes.
 */
final class MapLegend extends VBox {

    private static final int RAMP_STOPS = 9;

    MapLegend() {
        super(3);
        getStyleClass().add("map-legend");
        setMouseTransparent(true);
        setVisible(false);
    }

    void show(MapColours colours) {
        getChildren().clear();
        if (!colours.title().isEmpty()) {
            Label title = new Label(colours.title());
            title.getStyleClass().add("map-legend-title");
            getChildren().add(title);
        }
        if (colours.numeric() && !Double.isNaN(colours.min())) {
            getChildren().add(ramp(colours.min(), colours.max()));
        }
        for (MapColours.Swatch swatch : colours.swatches()) {
            Rectangle box = new Rectangle(10, 10, colour(swatch.argb()));
            Label label = new Label(swatch.label() + "  " + swatch.count());
            label.setId("legend-" + swatch.label().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
            HBox row = new HBox(6, box, label);
            row.setAlignment(Pos.CENTER_LEFT);
            getChildren().add(row);
        }
        setVisible(!getChildren().isEmpty());
    }

    private static HBox ramp(double min, double max) {
        Stop[] stops = new Stop[RAMP_STOPS];
        for (int i = 0; i < RAMP_STOPS; i++) {
            double t = i / (double) (RAMP_STOPS - 1);
            stops[i] = new Stop(t, colour(ColourRamp.argb(t)));
        }
        Region bar = new Region();
        bar.setMinSize(90, 10);
        bar.setPrefSize(90, 10);
        bar.setMaxHeight(10);
        bar.setBackground(new javafx.scene.layout.Background(new javafx.scene.layout.BackgroundFill(
                new LinearGradient(0, 0, 1, 0, true, CycleMethod.NO_CYCLE, stops), null, null)));
        Label low = new Label(format(min));
        low.setId("legend-min");
        Label high = new Label(format(max));
        high.setId("legend-max");
        HBox row = new HBox(6, low, bar, high);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    static String format(double value) {
        double magnitude = Math.abs(value);
        if (magnitude != 0 && (magnitude >= 1e5 || magnitude < 1e-2)) {
            return String.format(Locale.ROOT, "%.2g", value);
        }
        return magnitude >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }

    static Color colour(int argb) {
        return Color.rgb((argb >> 16) & 0xFF, (argb >> 8) & 0xFF, argb & 0xFF, ((argb >>> 24) & 0xFF) / 255.0);
    }
}
