package org.sicube.transforms.background;

/** A Gaussian peak of known area on a smooth, decaying background, both as exact channel values. */
final class PeakAreaFixture {

    static final int CHANNELS = 1024;
    static final double PEAK_AREA = 2.0e4;
    static final double PEAK_CENTRE = 500.3;
    static final double PEAK_SIGMA = 4.0;

    private PeakAreaFixture() {
    }

    static double background(int i) {
        return 800.0 * Math.exp(-i / 600.0) + 100.0;
    }

    static double peak(int i) {
        double t = (i - PEAK_CENTRE) / PEAK_SIGMA;
        return PEAK_AREA / (PEAK_SIGMA * Math.sqrt(2 * Math.PI)) * Math.exp(-0.5 * t * t);
    }

    static double[] spectrum() {
        double[] y = new double[CHANNELS];
        for (int i = 0; i < CHANNELS; i++) {
            y[i] = background(i) + peak(i);
        }
        return y;
    }

    /** Net counts within ±6σ of the peak after background removal. */
    static double peakArea(double[] corrected) {
        double s = 0;
        for (int i = (int) (PEAK_CENTRE - 6 * PEAK_SIGMA); i <= (int) (PEAK_CENTRE + 6 * PEAK_SIGMA) + 1; i++) {
            s += corrected[i];
        }
        return s;
    }
}
