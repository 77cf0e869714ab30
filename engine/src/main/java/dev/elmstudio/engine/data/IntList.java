package dev.elmstudio.engine.data;

import java.util.Arrays;

/**
 * A growable column of ints. Imports keep ratings in columns like this so that 25 million
 * ratings cost 25 million ints per column rather than 25 million objects.
 */
public final class IntList {
    private int[] values;
    private int size;

    public IntList() {
        this(1024);
    }

    public IntList(int initialCapacity) {
        values = new int[Math.max(16, initialCapacity)];
    }

    public void add(int value) {
        if (size == values.length) {
            // Grow by half: doubling a 100M-element column would briefly need 1.2 GB more.
            values = Arrays.copyOf(values, (int) Math.min(Integer.MAX_VALUE - 8, values.length + (values.length >> 1) + 16L));
        }
        values[size++] = value;
    }

    public int get(int index) {
        if (index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " >= size " + size);
        }
        return values[index];
    }

    public int size() {
        return size;
    }

    /** A trimmed copy of the contents. */
    public int[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
