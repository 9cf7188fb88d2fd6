package org.sicube.datasets.writers.plot;

/**
 * The viridis perceptual colour map (van der Walt and Smith, 2015) as 256 packed RGB values, computed
 * from Matt Zucker's published sixth-order polynomial fit of its sRGB components (within 4/255,
 * mean 0.9/255, of the reference table: indistinguishable by eye).
 */
public final class Viridis {
    private static final double[][] FIT = {
            {0.2777273272234177, 0.005407344544966578, 0.3340998053353061},
            {0.1050930431085774, 1.404613529898575, 1.384590162594685},
            {-0.3308618287255563, 0.214847559468213, 0.09509516302823659},
            {-4.634230498983486, -5.799100973351585, -19.33244095627987},
            {6.228269936347081, 14.17993336680509, 56.69055260068105},
            {4.776384997670288, -13.74514537774601, -65.35303263337234},
            {-5.435455855934631, 4.645852612178535, 26.3124352495832}};
    private static final int[] TABLE = build();

    private Viridis() {
    }

    /** Packed 0xRRGGBB colour of {@code t} in [0, 1] (clamped); NaN gives the lowest colour. */
    public static int rgb(double t) {
        if (!(t > 0)) {
            return TABLE[0];
        }
        return TABLE[(int) Math.min(255, Math.round(t * 255))];
    }

    private static int[] build() {
        int[] table = new int[256];
        for (int i = 0; i < 256; i++) {
            double t = i / 255.0;
            int rgb = 0;
            for (int c = 0; c < 3; c++) {
                double v = 0;
                for (int k = FIT.length - 1; k >= 0; k--) {
                    v = v * t + FIT[k][c];
                }
                rgb = (rgb << 8) | (int) Math.round(255 * Math.max(0, Math.min(1, v)));
            }
            table[i] = rgb;
        }
        return table;
    }
}
