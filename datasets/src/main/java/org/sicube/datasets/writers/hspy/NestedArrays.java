package org.sicube.datasets.writers.hspy;

import java.lang.reflect.Array;
import java.util.Arrays;

/**
 * Reshapes a flat row-major primitive array into the nested Java array ({@code float[a][b][c]}, ...)
 * through which jhdf learns a dataset's shape. Leaves are copied row by row; rank 1 is returned as is.
 */
final class NestedArrays {
    private NestedArrays() {
    }

    static Object nest(Object flat, int[] shape) {
        if (shape.length == 1) {
            return flat;
        }
        Object root = Array.newInstance(flat.getClass(), Arrays.copyOf(shape, shape.length - 1));
        fill(root, 0, shape, flat, 0);
        return root;
    }

    /** Fills the sub-array {@code node} at {@code depth}; returns the next flat row index. */
    private static int fill(Object node, int depth, int[] shape, Object flat, int row) {
        int n = shape[depth];
        if (depth == shape.length - 2) {
            int last = shape[depth + 1];
            Class<?> element = flat.getClass().getComponentType();
            for (int i = 0; i < n; i++) {
                Object leaf = Array.newInstance(element, last);
                System.arraycopy(flat, (row + i) * last, leaf, 0, last);
                Array.set(node, i, leaf);
            }
            return row + n;
        }
        for (int i = 0; i < n; i++) {
            row = fill(Array.get(node, i), depth + 1, shape, flat, row);
        }
        return row;
    }
}
