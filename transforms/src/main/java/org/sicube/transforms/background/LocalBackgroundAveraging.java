package org.sicube.transforms.background;

import org.sicube.transforms.spatial.NeighbourhoodMean;

/**
 * Local background averaging (LBA, Cueva et al. 2012, Ultramicroscopy 117, 40): the power law of
 * each pixel is fitted to the window features (see {@link PowerLawBackground#features}) averaged
 * over its spatial neighbourhood ({@link NeighbourhoodMean}), and subtracted from the pixel's own,
 * unsmoothed spectrum. This cuts the noise of the fitted A and r without blurring the edge above the
 * window. Spectra are pixel-major {@code double[pixels · channels]}, channels fastest. One instance
 * per thread.
 */
public final class LocalBackgroundAveraging {
    private final PowerLawBackground background;
    private final int channels;
    private final double[] spectrum;
    private final PowerLawFit fit = new PowerLawFit();

    public LocalBackgroundAveraging(PowerLawBackground background, int channels) {
        this.background = background;
        this.channels = channels;
        this.spectrum = new double[channels];
    }

    /** Window features per pixel: {@code pixels · F} values, F = {@link PowerLawBackground#featureCount()}. */
    public double[] features(double[] data, int pixels) {
        int f = background.featureCount();
        double[] out = new double[pixels * f];
        for (int p = 0; p < pixels; p++) {
            System.arraycopy(data, p * channels, spectrum, 0, channels);
            background.features(spectrum, out, p * f);
        }
        return out;
    }

    /**
     * Fits each pixel's background to its smoothed features and subtracts it from the pixel in
     * {@code data}; writes A (counts·eV^(r−1)), r and the reduced χ² of the pixel's own window
     * against that background into {@code a[p]}, {@code r[p]}, {@code chi2[p]} (NaN, pixel
     * unchanged, where the smoothed window cannot be fitted).
     */
    public void subtract(double[] data, int pixels, double[] smoothed, double[] a, double[] r, double[] chi2) {
        int f = background.featureCount();
        for (int p = 0; p < pixels; p++) {
            System.arraycopy(data, p * channels, spectrum, 0, channels);
            if (background.fitFeatures(smoothed, p * f, fit)) {
                chi2[p] = background.reducedChiSquare(spectrum, fit);
                background.subtract(spectrum, fit);
                System.arraycopy(spectrum, 0, data, p * channels, channels);
            } else {
                chi2[p] = Double.NaN;
            }
            a[p] = fit.amplitude();
            r[p] = fit.exponent();
        }
    }
}
