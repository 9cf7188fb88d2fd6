package org.sicube.transforms.anomaly;

import java.util.HashMap;
import java.util.Map;

/**
 * Connected components of a sparse set of pixels with 8-connectivity (pixels touching by a side or
 * a corner belong together), by union-find with path halving over a hash index of the set: O(n)
 * for n pixels, independent of the image size. Block borders play no part: coordinates are global.
 */
public final class ConnectedRegions {
    private ConnectedRegions() {
    }

    /**
     * The region of each pixel {@code (ys[i], xs[i])}, numbered 0.. in order of each region's first
     * pixel in the input. Duplicate coordinates are an error.
     */
    public static int[] label(int[] ys, int[] xs) {
        int n = ys.length;
        if (xs.length != n) {
            throw new IllegalArgumentException(ys.length + " rows but " + xs.length + " columns");
        }
        Map<Long, Integer> index = new HashMap<>(Math.max(16, 2 * n));
        for (int i = 0; i < n; i++) {
            if (index.put(key(ys[i], xs[i]), i) != null) {
                throw new IllegalArgumentException("pixel (y=" + ys[i] + ", x=" + xs[i] + ") given twice");
            }
        }
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < n; i++) {
            // The four neighbours before (y, x) in raster order cover each 8-neighbour pair once.
            union(parent, i, index.get(key(ys[i], xs[i] - 1)));
            union(parent, i, index.get(key(ys[i] - 1, xs[i] - 1)));
            union(parent, i, index.get(key(ys[i] - 1, xs[i])));
            union(parent, i, index.get(key(ys[i] - 1, xs[i] + 1)));
        }
        int[] region = new int[n];
        int[] number = new int[n];
        java.util.Arrays.fill(number, -1);
        int regions = 0;
        for (int i = 0; i < n; i++) {
            int root = find(parent, i);
            if (number[root] < 0) {
                number[root] = regions++;
            }
            region[i] = number[root];
        }
        return region;
    }

    private static long key(int y, int x) {
        return ((long) y << 32) ^ (x & 0xFFFFFFFFL);
    }

    private static void union(int[] parent, int i, Integer j) {
        if (j == null) {
            return;
        }
        int a = find(parent, i);
        int b = find(parent, j);
        if (a != b) {
            parent[Math.max(a, b)] = Math.min(a, b);
        }
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
