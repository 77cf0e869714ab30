package dev.elmstudio.engine.factor;

import dev.elmstudio.engine.data.Ratings;

/**
 * Ratings grouped by row in compressed sparse row form: the entries of row r are
 * {@code columns[start[r] .. start[r+1])} with {@code values} alongside. ALS needs them grouped
 * both by user and by movie; {@link #byUser} and {@link #byMovie} build the two views with a
 * counting sort (two passes, no objects).
 */
public final class SparseRows {
    private final int[] start;
    private final int[] columns;
    private final float[] values;
    private final int columnCount;

    private SparseRows(int[] start, int[] columns, float[] values, int columnCount) {
        this.start = start;
        this.columns = columns;
        this.values = values;
        this.columnCount = columnCount;
    }

    public static SparseRows byUser(Ratings ratings) {
        return group(ratings.userIndexColumn(), ratings.movieIndexColumn(), ratings.valueColumn(), ratings.userCount(),
                ratings.movieCount());
    }

    public static SparseRows byMovie(Ratings ratings) {
        return group(ratings.movieIndexColumn(), ratings.userIndexColumn(), ratings.valueColumn(), ratings.movieCount(),
                ratings.userCount());
    }

    private static SparseRows group(int[] rowOf, int[] columnOf, float[] valueOf, int rowCount, int columnCount) {
        int[] start = new int[rowCount + 1];
        for (int r : rowOf) {
            start[r + 1]++;
        }
        for (int r = 0; r < rowCount; r++) {
            start[r + 1] += start[r];
        }
        int[] next = java.util.Arrays.copyOf(start, rowCount);
        int[] columns = new int[rowOf.length];
        float[] values = new float[rowOf.length];
        for (int i = 0; i < rowOf.length; i++) {
            int slot = next[rowOf[i]]++;
            columns[slot] = columnOf[i];
            values[slot] = valueOf[i];
        }
        return new SparseRows(start, columns, values, columnCount);
    }

    public int rowCount() {
        return start.length - 1;
    }

    public int columnCount() {
        return columnCount;
    }

    public int start(int row) {
        return start[row];
    }

    public int end(int row) {
        return start[row + 1];
    }

    public int column(int entry) {
        return columns[entry];
    }

    public float value(int entry) {
        return values[entry];
    }
}
