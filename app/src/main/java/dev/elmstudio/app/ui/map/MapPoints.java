package dev.elmstudio.app.ui.map;

import java.util.Objects;

/**
 * The points of an embedding map: one entry per entity, in parallel arrays so 60k points cost a few
 * hundred kilobytes and no objects per point. {@code x}/{@code y} are projection coordinates (any
 * scale: the map fits its view to them), {@code labels} are what the hover tooltip shows.
 */
public record MapPoints(long[] ids, float[] x, float[] y, String[] labels) {

    public static final MapPoints EMPTY = new MapPoints(new long[0], new float[0], new float[0], new String[0]);

    public MapPoints {
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        Objects.requireNonNull(labels, "labels");
        if (x.length != ids.length || y.length != ids.length || labels.length != ids.length) {
            throw new IllegalArgumentException("map points need one x, y and label per id: " + ids.length + " ids, "
                    + x.length + " x, " + y.length + " y, " + labels.length + " labels");
        }
    }

    public int size() {
        return ids.length;
    }

    /** The index of {@code id}, or -1; linear, so call it on selection changes, not per frame. */
    public int indexOf(long id) {
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == id) {
                return i;
            }
        }
        return -1;
    }
}
