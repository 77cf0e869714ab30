package dev.elmstudio.engine.tokenizer;

import java.util.Arrays;

/**
 * A hash map from non-negative {@code long} keys to {@code long} values, without boxing: the BPE
 * trainer updates pair counts tens of millions of times, where {@code HashMap<Long, Long>} would
 * spend most of its time allocating.
 *
 * <p>Keys are kept in insertion order as well, so iteration is deterministic and {@link #clear()}
 * costs the number of keys rather than the table size (the trainer clears a per-merge delta map
 * thousands of times).
 */
final class LongLongMap {

    /** Marks an empty slot; real keys are non-negative. */
    private static final long EMPTY = -1L;

    private long[] keys;
    private long[] values;
    private long[] insertionOrder;
    private int size;

    LongLongMap(int expectedSize) {
        int capacity = Integer.highestOneBit(Math.max(16, expectedSize * 2 - 1)) << 1;
        allocate(capacity);
        insertionOrder = new long[Math.max(16, expectedSize)];
    }

    int size() {
        return size;
    }

    /** The value for {@code key}, or 0 when absent. */
    long get(long key) {
        int slot = slotOf(key);
        return keys[slot] == key ? values[slot] : 0L;
    }

    /** Adds {@code delta} to the value for {@code key} (absent counts as 0) and returns the new value. */
    long add(long key, long delta) {
        if (key < 0) {
            throw new IllegalArgumentException("keys must be non-negative, got " + key);
        }
        int slot = slotOf(key);
        if (keys[slot] != key) {
            if ((size + 1) * 2 > keys.length) {
                grow();
                slot = slotOf(key);
            }
            keys[slot] = key;
            if (size == insertionOrder.length) {
                insertionOrder = Arrays.copyOf(insertionOrder, size * 2);
            }
            insertionOrder[size++] = key;
        }
        values[slot] += delta;
        return values[slot];
    }

    /** The {@code i}-th key in insertion order, {@code 0 <= i < size()}. */
    long keyAt(int i) {
        return insertionOrder[i];
    }

    /** Removes every key, in time proportional to their number. */
    void clear() {
        // Find every slot before emptying any: an emptied slot would cut the probe chains of keys
        // stored past it.
        int[] slots = new int[size];
        for (int i = 0; i < size; i++) {
            slots[i] = slotOf(insertionOrder[i]);
        }
        for (int slot : slots) {
            keys[slot] = EMPTY;
            values[slot] = 0L;
        }
        size = 0;
    }

    /** Linear probing: the slot holding {@code key}, or the empty slot where it would go. */
    private int slotOf(long key) {
        int mask = keys.length - 1;
        int slot = (int) mix(key) & mask;
        while (keys[slot] != key && keys[slot] != EMPTY) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldValues = values;
        allocate(oldKeys.length * 2);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int slot = slotOf(oldKeys[i]);
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
            }
        }
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        values = new long[capacity];
        Arrays.fill(keys, EMPTY);
    }

    /**
     * Spreads keys over the table; pair keys pack two ids into one long, so the low bits alone
     * would only see the right id. MurmurHash3's 64-bit finaliser.
     */
    private static long mix(long key) {
        long h = key;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        return h ^ (h >>> 33);
    }
}
