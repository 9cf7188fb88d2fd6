package org.sicube.datasets.writers.ripple;

/**
 * Sample types the Ripple writer produces, with their {@code data-type} and {@code data-length}
 * header values. Unsigned types hold counts only: integral values within range.
 */
public enum RippleDataType {
    FLOAT32("float", 4, Double.NaN),
    UINT16("unsigned", 2, 65535.0),
    UINT32("unsigned", 4, 4294967295.0);

    private final String headerType;
    private final int bytes;
    private final double max;

    RippleDataType(String headerType, int bytes, double max) {
        this.headerType = headerType;
        this.bytes = bytes;
        this.max = max;
    }

    public String headerType() {
        return headerType;
    }

    public int bytes() {
        return bytes;
    }

    /** Largest value an unsigned type holds; NaN for float. */
    public double max() {
        return max;
    }
}
