package dev.elmstudio.engine.data;

import java.util.Arrays;

/** A growable column of floats; see {@link IntList}. */
public final class FloatList {
    private float[] values;
    private int size;

    public FloatList() {
        this(1024);
    }

    public FloatList(int initialCapacity) {
        values = new float[Math.max(16, initialCapacity)];
    }

    public void add(float value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, (int) Math.min(Integer.MAX_VALUE - 8, values.length + (values.length >> 1) + 16L));
        }
        values[size++] = value;
    }

    public float get(int index) {
        if (index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " >= size " + size);
        }
        return values[index];
    }

    public void set(int index, float value) {
        if (index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " >= size " + size);
        }
        values[index] = value;
    }

    public int size() {
        return size;
    }

    public float[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
