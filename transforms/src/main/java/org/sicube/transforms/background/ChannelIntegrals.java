package org.sicube.transforms.background;

/**
 * Channel integrals of a power-law density {@code a·E^-r}: {@code a·(hi^k − lo^k)/k},
 * {@code k = 1 − r}, from the natural logs of the channel edges (one exp per edge), with a
 * cancellation-free branch for r near 1.
 */
final class ChannelIntegrals {

    private ChannelIntegrals() {
    }

    /**
     * Fills {@code out[0..n)} with the integrals over channels whose edges are
     * {@code lnEdge[j], lnEdge[j + 1]}; {@code lnEdge} is increasing, so channel 0 is the widest in ln E.
     */
    static void fill(double[] lnEdge, double a, double r, double[] out, int n) {
        double k = 1.0 - r;
        double widest = lnEdge[1] - lnEdge[0];
        if (Math.abs(k) * widest > 1e-2) {
            double scale = a / k;
            double lower = Math.exp(k * lnEdge[0]);
            for (int j = 0; j < n; j++) {
                double upper = Math.exp(k * lnEdge[j + 1]);
                out[j] = scale * (upper - lower);
                lower = upper;
            }
        } else {
            // r close to 1: lo^k · (e^(k·d) − 1)/k avoids the cancellation. The next lower edge's
            // power is this one's times e^(k·d) = 1 + k·d·φ(k·d), exact again every 64 channels.
            double lower = 0;
            for (int j = 0; j < n; j++) {
                if ((j & 63) == 0) {
                    lower = Math.exp(k * lnEdge[j]);
                }
                double x = k * (lnEdge[j + 1] - lnEdge[j]);
                double phi = TwoAreaMethod.phi(x);
                out[j] = a * lower * (lnEdge[j + 1] - lnEdge[j]) * phi;
                lower *= 1 + x * phi;
            }
        }
    }

    /** ln of the lower edges of channels first, first + 1, …, channels (the last is the top edge). */
    static double[] lnEdges(org.sicube.transforms.physics.EnergyGrid grid, int first) {
        int n = grid.channels() - first;
        double[] ln = new double[n + 1];
        for (int j = 0; j <= n; j++) {
            ln[j] = Math.log(grid.energyEv(first + j - 0.5));
        }
        return ln;
    }
}
