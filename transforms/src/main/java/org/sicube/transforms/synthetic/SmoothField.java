package org.sicube.transforms.synthetic;

/**
 * A smooth deterministic field over the image with values in [−1, 1]: the mean of three products
 * sin(2π(k·y/H + φ)) · sin(2π(l·x/W + ψ)) with low integer frequencies k, l ∈ {1, 2} and phases
 * drawn from (seed, stream). Used for thickness, background and drift variations.
 */
public final class SmoothField {

    private static final int TERMS = 3;
    private final double[] ky = new double[TERMS];
    private final double[] kx = new double[TERMS];
    private final double[] py = new double[TERMS];
    private final double[] px = new double[TERMS];

    public SmoothField(long seed, int stream, int height, int width) {
        PixelRandom r = new PixelRandom(PixelRandom.pixelKey(seed, stream, -1, -1));
        for (int t = 0; t < TERMS; t++) {
            ky[t] = 2.0 * Math.PI * (1 + (r.nextLong() >>> 63)) / height;
            kx[t] = 2.0 * Math.PI * (1 + (r.nextLong() >>> 63)) / width;
            py[t] = 2.0 * Math.PI * r.nextDouble();
            px[t] = 2.0 * Math.PI * r.nextDouble();
        }
    }

    /** Field value at pixel (y, x), in [−1, 1]. */
    public double at(int y, int x) {
        double s = 0;
        for (int t = 0; t < TERMS; t++) {
            s += Math.sin(ky[t] * y + py[t]) * Math.sin(kx[t] * x + px[t]);
        }
        return s / TERMS;
    }
}
