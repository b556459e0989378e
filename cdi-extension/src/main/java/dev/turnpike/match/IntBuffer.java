package dev.turnpike.match;

import java.util.Arrays;

/** A growable list of ints for one selection, used by one thread. */
final class IntBuffer {

    private int[] values;
    private int size;

    IntBuffer(int capacity) {
        values = new int[Math.max(4, capacity)];
    }

    void add(int value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    void addAll(int[] more) {
        if (more.length == 0) {
            return;
        }
        if (size + more.length > values.length) {
            values = Arrays.copyOf(values, Math.max(size * 2, size + more.length));
        }
        System.arraycopy(more, 0, values, size, more.length);
        size += more.length;
    }

    /** The values in ascending order without duplicates. */
    int[] sortedDistinct() {
        Arrays.sort(values, 0, size);
        int distinct = 0;
        for (int i = 0; i < size; i++) {
            if (distinct == 0 || values[distinct - 1] != values[i]) {
                values[distinct++] = values[i];
            }
        }
        return Arrays.copyOf(values, distinct);
    }
}
