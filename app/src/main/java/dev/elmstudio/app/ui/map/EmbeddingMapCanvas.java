package dev.elmstudio.app.ui.map;

import java.util.Collection;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * A 2-D map of an embedding space: tens of thousands of points on a Canvas, coloured by a category or a
 * number (with a legend), zoomed by the wheel around the cursor, panned by dragging, with a hover label
 * and click selection. Double-click on empty space fits the view to the data again.
 *
 * <p>Two layers keep it cheap: the points layer is rasterised only when the points, colours, view or size
 * change ({@link PointRaster}); the overlay layer (hover, selection, highlights, probe) is a few shapes and
 * is redrawn on mouse moves. Both redraws are coalesced to at most one per pulse. Hover and click find the
 * nearest point through a {@link SpatialGrid}, not by scanning every point.
 *
 * <p>For the Explore panel: {@link #setProjector} with the projection that placed the points, then
 * {@link #showProbe(float[], String)} puts a separate marker where any vector lands (e.g. as a slider
 * moves), and {@link #select} / {@link #setHighlighted} mark entities by id.
 */
public final class EmbeddingMapCanvas extends Region {

    private static final double FIT_MARGIN = 24;
    private static final double DRAG_THRESHOLD = 3;
    private static final Color SELECTION = Color.web("#e8175d");
    private static final Color HIGHLIGHT = Color.web("#ff9f1c");
    private static final Color PROBE = Color.web("#e8175d");

    private final Canvas pointsLayer = new Canvas();
    private final Canvas overlayLayer = new Canvas();
    private final MapLegend legend = new MapLegend();
    private final Label hoverLabel = new Label();
    private final Label placeholder = new Label("No points to show");
    private final MapViewport viewport = new MapViewport();
    private final PointRaster raster = new PointRaster();
    private final ObjectProperty<Long> selectedId = new SimpleObjectProperty<>(this, "selectedId");
    private final ReadOnlyObjectWrapper<Long> hoveredId = new ReadOnlyObjectWrapper<>(this, "hoveredId");

    private MapPoints points = MapPoints.EMPTY;
    private MapColours colours = MapColours.resolve(MapColouring.UNIFORM, 0);
    private SpatialGrid grid = new SpatialGrid(new float[0], new float[0]);
    private WritableImage image;
    private Projector projector;
    private int selectedIndex = -1;
    private int hoveredIndex = -1;
    private int[] highlightedIndices = new int[0];
    private double[] probe;
    private String probeLabel = "";

    private boolean fitPending = true;
    private boolean pointsDirty = true;
    private boolean redrawScheduled;
    private long pointRenders;
    private double lastDragX;
    private double lastDragY;
    private double pressX;
    private double pressY;

    public EmbeddingMapCanvas() {
        getStyleClass().add("embedding-map");
        getStylesheets().add(Objects.requireNonNull(EmbeddingMapCanvas.class.getResource("embedding-map.css")).toExternalForm());
        hoverLabel.getStyleClass().add("map-hover");
        hoverLabel.setId("map-hover");
        hoverLabel.setManaged(false);
        hoverLabel.setMouseTransparent(true);
        hoverLabel.setVisible(false);
        placeholder.getStyleClass().add("map-placeholder");
        placeholder.setMouseTransparent(true);
        legend.setId("map-legend");
        getChildren().addAll(pointsLayer, overlayLayer, placeholder, legend, hoverLabel);
        setMinSize(120, 120);
        setPrefSize(600, 500);
        installMouse();
        selectedId.addListener((obs, old, id) -> {
            selectedIndex = id == null ? -1 : points.indexOf(id);
            revealSelection();
            requestRedraw(false);
        });
    }

    // ----- Data -----

    /** Replaces the points (uniformly coloured) and fits the view to them; keeps the selection if its id is still there. */
    public void setPoints(MapPoints newPoints) {
        setPoints(newPoints, MapColouring.UNIFORM);
    }

    public void setPoints(MapPoints newPoints, MapColouring colouring) {
        points = Objects.requireNonNull(newPoints, "points");
        grid = new SpatialGrid(points.x(), points.y());
        colours = MapColours.resolve(colouring, points.size());
        legend.show(colours);
        placeholder.setVisible(points.size() == 0);
        hoveredIndex = -1;
        hoveredId.set(null);
        hoverLabel.setVisible(false);
        highlightedIndices = new int[0];
        Long selected = selectedId.get();
        selectedIndex = selected == null ? -1 : points.indexOf(selected);
        if (selected != null && selectedIndex < 0) {
            selectedId.set(null);
        }
        fitPending = true;
        requestRedraw(true);
    }

    /** Recolours the current points (same order as given to {@link #setPoints}). */
    public void setColouring(MapColouring colouring) {
        colours = MapColours.resolve(colouring, points.size());
        legend.show(colours);
        requestRedraw(true);
    }

    public MapPoints points() {
        return points;
    }

    public MapColours colours() {
        return colours;
    }

    public void setPlaceholderText(String text) {
        placeholder.setText(text);
    }

    // ----- Selection, highlight, hover -----

    /** The selected entity's id, null for none; set it to select from outside (the map pans to it if hidden). */
    public ObjectProperty<Long> selectedIdProperty() {
        return selectedId;
    }

    public void select(Long id) {
        selectedId.set(id);
    }

    /** The id under the mouse, null when none. */
    public ReadOnlyObjectProperty<Long> hoveredIdProperty() {
        return hoveredId.getReadOnlyProperty();
    }

    /** Rings these ids (e.g. nearest neighbours); ids not on the map are ignored. */
    public void setHighlighted(Collection<Long> ids) {
        Set<Long> wanted = new HashSet<>(ids);
        long[] all = points.ids();
        int[] found = new int[wanted.size()];
        int count = 0;
        for (int i = 0; i < all.length && count < found.length; i++) {
            if (wanted.contains(all[i])) {
                found[count++] = i;
            }
        }
        highlightedIndices = java.util.Arrays.copyOf(found, count);
        requestRedraw(false);
    }

    // ----- Probe -----

    /** The projection that placed the points, so {@link #project} and {@link #showProbe(float[], String)} work. */
    public void setProjector(Projector projector) {
        this.projector = projector;
    }

    /** Where {@code vector} lands on this map, through the same projection as the points. */
    public double[] project(float[] vector) {
        if (projector == null) {
            throw new IllegalStateException("the map has no projector: call setProjector first");
        }
        return projector.project(vector);
    }

    /** Shows the probe marker at map coordinates (x, y), with a short label. */
    public void showProbe(double x, double y, String label) {
        probe = new double[] {x, y};
        probeLabel = label == null ? "" : label;
        requestRedraw(false);
    }

    /** Projects {@code vector} and shows the probe marker there. */
    public void showProbe(float[] vector, String label) {
        double[] position = project(vector);
        showProbe(position[0], position[1], label);
    }

    public void clearProbe() {
        probe = null;
        requestRedraw(false);
    }

    /** The probe's map coordinates, or null. */
    public double[] probePosition() {
        return probe == null ? null : probe.clone();
    }

    // ----- View -----

    /** Fits the view to all points again. */
    public void fitToData() {
        fitPending = true;
        requestRedraw(true);
    }

    public double zoom() {
        return viewport.zoom();
    }

    /** Where the point with this id is drawn, in this control's coordinates, or null if it is not on the map. */
    public Point2D screenPositionOf(long id) {
        int index = points.indexOf(id);
        return index < 0 ? null : new Point2D(viewport.toScreenX(points.x()[index]), viewport.toScreenY(points.y()[index]));
    }

    /** The id of the point drawn nearest to (x, y) in this control's coordinates within the hover radius, or null. */
    public Long idAt(double x, double y) {
        int index = indexAt(x, y);
        return index < 0 ? null : points.ids()[index];
    }

    /** How many times the points layer was rasterised: it must not grow on hover or selection alone. */
    public long pointRenders() {
        return pointRenders;
    }

    // ----- Layout and drawing -----

    @Override
    protected void layoutChildren() {
        double width = getWidth();
        double height = getHeight();
        if (pointsLayer.getWidth() != width || pointsLayer.getHeight() != height) {
            pointsLayer.setWidth(width);
            pointsLayer.setHeight(height);
            overlayLayer.setWidth(width);
            overlayLayer.setHeight(height);
            fitPending |= viewport.zoom() == 1;
            pointsDirty = true;
            redraw();
        }
        legend.autosize();
        legend.relocate(Math.max(0, width - legend.getWidth() - 8), 8);
        placeholder.autosize();
        placeholder.relocate((width - placeholder.getWidth()) / 2, (height - placeholder.getHeight()) / 2);
        hoverLabel.autosize();
    }

    private void requestRedraw(boolean pointsChanged) {
        pointsDirty |= pointsChanged;
        if (!redrawScheduled) {
            redrawScheduled = true;
            Platform.runLater(this::redraw);
        }
    }

    private void redraw() {
        redrawScheduled = false;
        int width = (int) Math.floor(getWidth());
        int height = (int) Math.floor(getHeight());
        if (width <= 0 || height <= 0) {
            return;
        }
        if (fitPending) {
            fitViewport(width, height);
        }
        if (pointsDirty) {
            drawPoints(width, height);
        }
        drawOverlay();
    }

    private void fitViewport(int width, int height) {
        fitPending = false;
        if (points.size() == 0) {
            viewport.fit(-1, 1, -1, 1, width, height, FIT_MARGIN);
            return;
        }
        float minX = Float.POSITIVE_INFINITY, maxX = Float.NEGATIVE_INFINITY;
        float minY = Float.POSITIVE_INFINITY, maxY = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < points.size(); i++) {
            minX = Math.min(minX, points.x()[i]);
            maxX = Math.max(maxX, points.x()[i]);
            minY = Math.min(minY, points.y()[i]);
            maxY = Math.max(maxY, points.y()[i]);
        }
        viewport.fit(minX, maxX, minY, maxY, width, height, FIT_MARGIN);
    }

    private void drawPoints(int width, int height) {
        pointsDirty = false;
        pointRenders++;
        raster.render(points, colours.argb(), viewport, width, height, pointRadius());
        if (image == null || (int) image.getWidth() != width || (int) image.getHeight() != height) {
            image = new WritableImage(width, height);
        }
        // Opaque colours and transparent black are the same in premultiplied form, so no conversion is needed.
        image.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbPreInstance(), raster.pixels(), 0, width);
        GraphicsContext g = pointsLayer.getGraphicsContext2D();
        g.clearRect(0, 0, pointsLayer.getWidth(), pointsLayer.getHeight());
        g.drawImage(image, 0, 0);
    }

    private void drawOverlay() {
        GraphicsContext g = overlayLayer.getGraphicsContext2D();
        g.clearRect(0, 0, overlayLayer.getWidth(), overlayLayer.getHeight());
        double ring = pointRadius() + 3;
        for (int index : highlightedIndices) {
            ring(g, index, ring, HIGHLIGHT, 2);
        }
        if (hoveredIndex >= 0) {
            ring(g, hoveredIndex, ring, Color.gray(0.5), 1.5);
        }
        if (selectedIndex >= 0) {
            ring(g, selectedIndex, ring + 1, Color.WHITE, 4);
            ring(g, selectedIndex, ring + 1, SELECTION, 2);
        }
        if (probe != null) {
            drawProbe(g);
        }
    }

    private void ring(GraphicsContext g, int index, double radius, Color colour, double lineWidth) {
        double x = viewport.toScreenX(points.x()[index]);
        double y = viewport.toScreenY(points.y()[index]);
        g.setStroke(colour);
        g.setLineWidth(lineWidth);
        g.strokeOval(x - radius, y - radius, 2 * radius, 2 * radius);
    }

    /** A diamond with a white halo, so it reads on any point colour and in either theme. */
    private void drawProbe(GraphicsContext g) {
        double x = viewport.toScreenX(probe[0]);
        double y = viewport.toScreenY(probe[1]);
        double size = 8;
        double[] xs = {x, x + size, x, x - size};
        double[] ys = {y - size, y, y + size, y};
        g.setLineWidth(4);
        g.setStroke(Color.WHITE);
        g.strokePolygon(xs, ys, 4);
        g.setFill(PROBE);
        g.fillPolygon(xs, ys, 4);
        if (!probeLabel.isEmpty()) {
            g.setLineWidth(3);
            g.strokeText(probeLabel, x + size + 4, y - size);
            g.setFill(Color.BLACK);
            g.fillText(probeLabel, x + size + 4, y - size);
        }
    }

    /** Points grow a little as the user zooms in, so a zoomed-in cluster separates visibly. */
    private int pointRadius() {
        int base = points.size() > 20_000 ? 1 : points.size() > 2_000 ? 2 : 3;
        int growth = (int) Math.floor(Math.log(Math.max(1, viewport.zoom())) / Math.log(4));
        return Math.min(6, base + growth);
    }

    private double hoverRadiusPixels() {
        return Math.max(6, pointRadius() + 3);
    }

    private int indexAt(double screenX, double screenY) {
        return grid.nearest(viewport.toDataX(screenX), viewport.toDataY(screenY), hoverRadiusPixels() / viewport.scale());
    }

    // ----- Mouse -----

    private void installMouse() {
        addEventHandler(ScrollEvent.SCROLL, event -> {
            if (event.getDeltaY() != 0) {
                viewport.zoomAt(Math.pow(1.0025, event.getDeltaY()), event.getX(), event.getY());
                requestRedraw(true);
            }
            event.consume();
        });
        addEventHandler(MouseEvent.MOUSE_PRESSED, event -> {
            pressX = lastDragX = event.getX();
            pressY = lastDragY = event.getY();
        });
        addEventHandler(MouseEvent.MOUSE_DRAGGED, event -> {
            if (Math.hypot(event.getX() - pressX, event.getY() - pressY) < DRAG_THRESHOLD) {
                return;
            }
            viewport.panBy(event.getX() - lastDragX, event.getY() - lastDragY);
            lastDragX = event.getX();
            lastDragY = event.getY();
            hover(-1, 0, 0);
            requestRedraw(true);
        });
        addEventHandler(MouseEvent.MOUSE_MOVED, event -> hover(indexAt(event.getX(), event.getY()), event.getX(), event.getY()));
        addEventHandler(MouseEvent.MOUSE_EXITED, event -> hover(-1, 0, 0));
        addEventHandler(MouseEvent.MOUSE_CLICKED, event -> {
            if (event.getButton() != MouseButton.PRIMARY
                    || Math.hypot(event.getX() - pressX, event.getY() - pressY) >= DRAG_THRESHOLD) {
                return;
            }
            int index = indexAt(event.getX(), event.getY());
            if (event.getClickCount() == 2 && index < 0) {
                fitToData();
            } else if (event.getClickCount() == 1) {
                selectedId.set(index < 0 ? null : points.ids()[index]);
            }
        });
    }

    private void hover(int index, double x, double y) {
        if (index == hoveredIndex) {
            if (index >= 0) {
                placeHoverLabel(x, y);
            }
            return;
        }
        hoveredIndex = index;
        hoveredId.set(index < 0 ? null : points.ids()[index]);
        hoverLabel.setVisible(index >= 0);
        if (index >= 0) {
            hoverLabel.setText(points.labels()[index]);
            placeHoverLabel(x, y);
        }
        requestRedraw(false);
    }

    /** Beside the cursor, flipped to the other side near the right or bottom edge so it stays inside. */
    private void placeHoverLabel(double x, double y) {
        hoverLabel.autosize();
        double labelX = x + 14;
        double labelY = y + 14;
        if (labelX + hoverLabel.getWidth() > getWidth()) {
            labelX = Math.max(0, x - 14 - hoverLabel.getWidth());
        }
        if (labelY + hoverLabel.getHeight() > getHeight()) {
            labelY = Math.max(0, y - 14 - hoverLabel.getHeight());
        }
        hoverLabel.relocate(labelX, labelY);
    }

    /** When the selection is set from outside (e.g. the table) and lies off screen, pan it to the centre. */
    private void revealSelection() {
        if (selectedIndex < 0 || getWidth() <= 0) {
            return;
        }
        double x = viewport.toScreenX(points.x()[selectedIndex]);
        double y = viewport.toScreenY(points.y()[selectedIndex]);
        if (x < 0 || y < 0 || x > getWidth() || y > getHeight()) {
            viewport.centre(points.x()[selectedIndex], points.y()[selectedIndex], getWidth() / 2, getHeight() / 2);
            pointsDirty = true;
        }
    }
}
