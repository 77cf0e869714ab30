package dev.elmstudio.app.ui.map;

/**
 * The map's view: data coordinates to screen pixels by {@code screen = data * scale + offset}, with y
 * flipped so "up" in the projection is up on screen. Zooming keeps the data point under the cursor
 * still, which is what makes wheel zoom feel anchored.
 */
public final class MapViewport {

    static final double MIN_ZOOM = 0.2;
    static final double MAX_ZOOM = 500;

    private double scale = 1;
    private double offsetX;
    private double offsetY;
    private double fittedScale = 1;

    /** Shows the box [minX, maxX] × [minY, maxY] centred in a width × height view, with a margin in pixels. */
    public void fit(double minX, double maxX, double minY, double maxY, double width, double height, double margin) {
        double spanX = Math.max(maxX - minX, 1e-9);
        double spanY = Math.max(maxY - minY, 1e-9);
        double usableWidth = Math.max(width - 2 * margin, 1);
        double usableHeight = Math.max(height - 2 * margin, 1);
        scale = Math.min(usableWidth / spanX, usableHeight / spanY);
        fittedScale = scale;
        offsetX = width / 2 - (minX + maxX) / 2 * scale;
        offsetY = height / 2 + (minY + maxY) / 2 * scale;
    }

    public double toScreenX(double dataX) {
        return dataX * scale + offsetX;
    }

    public double toScreenY(double dataY) {
        return offsetY - dataY * scale;
    }

    public double toDataX(double screenX) {
        return (screenX - offsetX) / scale;
    }

    public double toDataY(double screenY) {
        return (offsetY - screenY) / scale;
    }

    /** Pixels per data unit. */
    public double scale() {
        return scale;
    }

    /** How far the view is zoomed relative to the fitted view (1 = fitted). */
    public double zoom() {
        return scale / fittedScale;
    }

    /** Multiplies the zoom by {@code factor} around the screen point (x, y); the zoom stays within limits. */
    public void zoomAt(double factor, double screenX, double screenY) {
        double target = Math.max(MIN_ZOOM * fittedScale, Math.min(MAX_ZOOM * fittedScale, scale * factor));
        double dataX = toDataX(screenX);
        double dataY = toDataY(screenY);
        scale = target;
        offsetX = screenX - dataX * scale;
        offsetY = screenY + dataY * scale;
    }

    public void panBy(double dx, double dy) {
        offsetX += dx;
        offsetY += dy;
    }

    /** Pans so the data point (x, y) sits at the screen point (screenX, screenY). */
    public void centre(double dataX, double dataY, double screenX, double screenY) {
        offsetX = screenX - dataX * scale;
        offsetY = screenY + dataY * scale;
    }
}
