package org.sicube.transforms.synthetic;

/**
 * A small, fast random stream (SplitMix64, Steele, Lea &amp; Flood 2014) whose state is derived from
 * (seed, stream, y, x) alone, so every pixel of a synthetic image draws the same numbers however the
 * image is tiled. Mutable and not thread-safe: one instance per worker, {@link #reset} per pixel.
 */
public final class PixelRandom {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private long state;
    private double spareGaussian;
    private boolean hasSpare;

    public PixelRandom(long key) {
        reset(key);
    }

    /** The key of pixel (y, x) in an independent {@code stream} (counts, drift, placement...). */
    public static long pixelKey(long seed, int stream, long y, long x) {
        long h = mix64(seed ^ (GOLDEN * (stream + 1L)));
        h = mix64(h + 0xC2B2AE3D27D4EB4FL * (y + 1L));
        return mix64(h + 0x165667B19E3779F9L * (x + 1L));
    }

    /** Stafford's variant-13 finaliser: a bijective 64-bit mix. */
    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A uniform double in [0, 1) from a key, without a stream (for per-cell hashes). */
    public static double uniformOf(long key) {
        return (mix64(key) >>> 11) * 0x1.0p-53;
    }

    public void reset(long key) {
        state = key;
        hasSpare = false;
    }

    public long nextLong() {
        state += GOLDEN;
        return mix64(state);
    }

    /** Uniform in [0, 1) with 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Standard normal deviate (Marsaglia polar method). */
    public double nextGaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spareGaussian;
        }
        double u;
        double v;
        double s;
        do {
            u = 2.0 * nextDouble() - 1.0;
            v = 2.0 * nextDouble() - 1.0;
            s = u * u + v * v;
        } while (s >= 1.0 || s == 0.0);
        double m = Math.sqrt(-2.0 * Math.log(s) / s);
        spareGaussian = v * m;
        hasSpare = true;
        return u * m;
    }
}
