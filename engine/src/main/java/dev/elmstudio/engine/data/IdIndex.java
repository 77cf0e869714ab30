package dev.elmstudio.engine.data;

import java.util.Arrays;

/**
 * Maps raw ids (MovieLens userId, movieId) to dense indices 0..n-1 in order of first appearance,
 * without boxing: an open-addressing hash table of ints. 162,541 users need about 2 MB here.
 */
public final class IdIndex {
    private static final int EMPTY = Integer.MIN_VALUE;

    private int[] keys;
    private int[] slots;
    private final IntList ids = new IntList();

    public IdIndex() {
        this(1024);
    }

    public IdIndex(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new int[capacity];
        slots = new int[capacity];
        Arrays.fill(keys, EMPTY);
    }

    /** Builds an index holding {@code ids} in their given order. Duplicate ids are refused. */
    public static IdIndex of(int[] ids) {
        IdIndex index = new IdIndex(ids.length);
        for (int id : ids) {
            int before = index.size();
            if (index.indexOrAdd(id) != before) {
                throw new IllegalArgumentException("duplicate id " + id);
            }
        }
        return index;
    }

    /** The dense index of {@code id}, adding it when new. */
    public int indexOrAdd(int id) {
        checkKey(id);
        int mask = keys.length - 1;
        int slot = mix(id) & mask;
        while (keys[slot] != EMPTY) {
            if (keys[slot] == id) {
                return slots[slot];
            }
            slot = (slot + 1) & mask;
        }
        int index = ids.size();
        keys[slot] = id;
        slots[slot] = index;
        ids.add(id);
        if (ids.size() * 2 > keys.length) {
            rehash();
        }
        return index;
    }

    /** The dense index of {@code id}, or -1 when it is not in the index. */
    public int indexOf(int id) {
        if (id == EMPTY) {
            return -1;
        }
        int mask = keys.length - 1;
        int slot = mix(id) & mask;
        while (keys[slot] != EMPTY) {
            if (keys[slot] == id) {
                return slots[slot];
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    public int idAt(int index) {
        return ids.get(index);
    }

    public int size() {
        return ids.size();
    }

    /** Raw ids in index order. */
    public int[] ids() {
        return ids.toArray();
    }

    private void rehash() {
        int[] oldKeys = keys;
        int[] oldSlots = slots;
        keys = new int[oldKeys.length * 2];
        slots = new int[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int slot = mix(oldKeys[i]) & mask;
                while (keys[slot] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                slots[slot] = oldSlots[i];
            }
        }
    }

    private static void checkKey(int id) {
        if (id == EMPTY) {
            throw new IllegalArgumentException("id " + id + " is reserved");
        }
    }

    private static int mix(int id) {
        int h = id * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
