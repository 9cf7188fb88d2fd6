package org.sicube.datasets.formats.raw;

/**
 * The order in which a raw cube's axes are stored, slowest first. {@code Y_X_E} is a
 * "vector" cube (each pixel's spectrum contiguous, rows of pixels); {@code E_Y_X} an "image"
 * cube (one energy plane after another); {@code E_X_Y} is {@code (y, x, E)} in Fortran order.
 */
public enum AxisOrder {
    Y_X_E, E_Y_X, E_X_Y;

    /** Strides in samples of {@code {y, x, e}} for a cube of {@code ny × nx × channels}. */
    long[] strides(long ny, long nx, long channels) {
        return switch (this) {
            case Y_X_E -> new long[] {nx * channels, channels, 1};
            case E_Y_X -> new long[] {nx, 1, ny * nx};
            case E_X_Y -> new long[] {1, ny, ny * nx};
        };
    }
}
