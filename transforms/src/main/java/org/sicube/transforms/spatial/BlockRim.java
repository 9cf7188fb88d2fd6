package org.sicube.transforms.spatial;

/**
 * The rim of a block of a per-pixel field: the pixels within R rows or columns of the block's
 * border, where the halo of width R of every neighbouring block lies. The rim is a compact array
 * of {@code F} values per rim pixel, rim pixels in row-major order; the block's field is
 * {@code double[h·w·F]}, pixels row-major, values fastest. Rims are what blocks exchange instead of
 * their data: about 4·R/side of the pixels.
 */
public final class BlockRim {
    private final int height;
    private final int width;
    private final int radius;
    private final int features;
    private final int[] rowStart;

    public BlockRim(int height, int width, int radius, int features) {
        if (height < 1 || width < 1 || radius < 1 || features < 1) {
            throw new IllegalArgumentException("a rim needs a positive block size, radius and feature count, got "
                    + height + "x" + width + ", R " + radius + ", F " + features);
        }
        this.height = height;
        this.width = width;
        this.radius = radius;
        this.features = features;
        rowStart = new int[height + 1];
        for (int r = 0; r < height; r++) {
            rowStart[r + 1] = rowStart[r] + (fullRow(r) ? width : 2 * radius);
        }
    }

    /** Number of rim pixels. */
    public int pixels() {
        return rowStart[height];
    }

    /** True when local pixel (r, c) lies in the rim. */
    public boolean contains(int r, int c) {
        return fullRow(r) || c < radius || c >= width - radius;
    }

    /** Index of rim pixel (r, c) among the rim pixels; (r, c) must be in the rim. */
    public int index(int r, int c) {
        if (fullRow(r)) {
            return rowStart[r] + c;
        }
        return rowStart[r] + (c < radius ? c : radius + c - (width - radius));
    }

    /** The rim of {@code field} (h·w·F values) as rim pixels × F values. */
    public double[] extract(double[] field) {
        double[] rim = new double[pixels() * features];
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                if (contains(r, c)) {
                    System.arraycopy(field, (r * width + c) * features, rim, index(r, c) * features, features);
                }
            }
        }
        return rim;
    }

    private boolean fullRow(int r) {
        return r < radius || r >= height - radius || width <= 2 * radius;
    }
}
