package org.sicube.transforms.transfer;

/**
 * Slope/bias correction between two instruments, for when only gain and offset differ:
 * {@code target ≈ a·source + b} by least squares over the standards, either per channel (a_j,
 * b_j) or with one global a and b over all channels. Spectra are {@code [standard][channel]}.
 */
public final class SlopeBiasFit {
    private SlopeBiasFit() {
    }

    /** One slope and offset per channel (a channel where all standards agree keeps slope 0 and the mean). */
    public static BandedTransfer perChannel(double[][] source, double[][] target) {
        return PdsFit.fit(source, target, 0, 0);
    }

    /** One slope and offset for all channels. */
    public static BandedTransfer global(double[][] source, double[][] target) {
        int k = Standards.check(source, target);
        int n = source[0].length;
        double sx = 0, sy = 0;
        for (int s = 0; s < k; s++) {
            for (int j = 0; j < n; j++) {
                sx += source[s][j];
                sy += target[s][j];
            }
        }
        double mx = sx / ((double) k * n);
        double my = sy / ((double) k * n);
        double sxx = 0, sxy = 0;
        for (int s = 0; s < k; s++) {
            for (int j = 0; j < n; j++) {
                double dx = source[s][j] - mx;
                sxx += dx * dx;
                sxy += dx * (target[s][j] - my);
            }
        }
        if (!(sxx > 0)) {
            throw new IllegalArgumentException("the source standards are constant; a slope cannot be fitted");
        }
        double slope = sxy / sxx;
        double[][] w = new double[n][1];
        double[] b = new double[n];
        for (int j = 0; j < n; j++) {
            w[j][0] = slope;
            b[j] = my - slope * mx;
        }
        return new BandedTransfer(0, w, b);
    }
}
