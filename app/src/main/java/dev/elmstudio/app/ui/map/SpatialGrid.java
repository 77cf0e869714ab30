package dev.elmstudio.app.ui.map;

/**
 * A uniform grid over the points' bounding box, for "which point is under the cursor?" without scanning
 * all points on every mouse move. Cells are stored CSR-style (a start offset per cell into one array of
 * point indices), about two points per cell, so a query touches only the few cells its radius covers.
 */
public final class SpatialGrid {

    private static final double POINTS_PER_CELL = 2;

    private final float[] x;
    private final float[] y;
    private final double minX;
    private final double minY;
    private final double cellWidth;
    private final double cellHeight;
    private final int columns;
    private final int rows;
    private final int[] cellStart;
    private final int[] cellPoints;

    public SpatialGrid(float[] x, float[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException(x.length + " x coordinates but " + y.length + " y coordinates");
        }
        this.x = x;
        this.y = y;
        double loX = Double.POSITIVE_INFINITY, hiX = Double.NEGATIVE_INFINITY;
        double loY = Double.POSITIVE_INFINITY, hiY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            loX = Math.min(loX, x[i]);
            hiX = Math.max(hiX, x[i]);
            loY = Math.min(loY, y[i]);
            hiY = Math.max(hiY, y[i]);
        }
        if (x.length == 0) {
            loX = hiX = loY = hiY = 0;
        }
        int side = Math.max(1, (int) Math.ceil(Math.sqrt(x.length / POINTS_PER_CELL)));
        minX = loX;
        minY = loY;
        columns = side;
        rows = side;
        cellWidth = Math.max(hiX - loX, 1e-9) / columns;
        cellHeight = Math.max(hiY - loY, 1e-9) / rows;
        cellStart = new int[columns * rows + 1];
        int[] cellOf = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            cellOf[i] = cell(column(x[i]), row(y[i]));
            cellStart[cellOf[i] + 1]++;
        }
        for (int c = 0; c < columns * rows; c++) {
            cellStart[c + 1] += cellStart[c];
        }
        cellPoints = new int[x.length];
        int[] fill = java.util.Arrays.copyOf(cellStart, columns * rows);
        for (int i = 0; i < x.length; i++) {
            cellPoints[fill[cellOf[i]]++] = i;
        }
    }

    /**
     * The index of the point nearest (px, py) within {@code radius} (data units), or -1. On a tie the
     * higher index wins, because later points are drawn on top and that is the one the user sees.
     */
    public int nearest(double px, double py, double radius) {
        if (x.length == 0 || !(radius >= 0)) {
            return -1;
        }
        int firstColumn = column(px - radius);
        int lastColumn = column(px + radius);
        int firstRow = row(py - radius);
        int lastRow = row(py + radius);
        double bestDistance = radius * radius;
        int best = -1;
        for (int r = firstRow; r <= lastRow; r++) {
            for (int c = firstColumn; c <= lastColumn; c++) {
                int cell = cell(c, r);
                for (int k = cellStart[cell]; k < cellStart[cell + 1]; k++) {
                    int i = cellPoints[k];
                    double dx = x[i] - px;
                    double dy = y[i] - py;
                    double distance = dx * dx + dy * dy;
                    if (distance < bestDistance || (distance == bestDistance && i > best)) {
                        bestDistance = distance;
                        best = i;
                    }
                }
            }
        }
        return best;
    }

    private int column(double value) {
        return clamp((int) Math.floor((value - minX) / cellWidth), columns);
    }

    private int row(double value) {
        return clamp((int) Math.floor((value - minY) / cellHeight), rows);
    }

    private int cell(int column, int row) {
        return row * columns + column;
    }

    private static int clamp(int index, int count) {
        return Math.max(0, Math.min(count - 1, index));
    }
}
