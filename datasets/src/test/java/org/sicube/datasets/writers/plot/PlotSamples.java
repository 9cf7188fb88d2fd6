package org.sicube.datasets.writers.plot;

import org.sicube.datasets.model.EnergyAxis;

/** Synthetic maps and spectra with structure, for the picture tests. */
final class PlotSamples {
    static final EnergyAxis AXIS = new EnergyAxis(-0.47225277, 0.009999, "keV", 2048);

    private PlotSamples() {
    }

    /** A 256 x 256 map of total counts: a bright disc on a gradient, all positive. */
    static double[] map(int ny, int nx) {
        double[] m = new double[ny * nx];
        for (int y = 0; y < ny; y++) {
            for (int x = 0; x < nx; x++) {
                double r2 = Math.pow(y - ny * 0.4, 2) + Math.pow(x - nx * 0.6, 2);
                m[y * nx + x] = 200 + 3 * x + 5000 * Math.exp(-r2 / (0.02 * nx * ny));
            }
        }
        return m;
    }

    /** An EDS-like spectrum: bremsstrahlung plus Gaussian lines at O Kα, Fe Kα and Fe Kβ. */
    static double[] spectrum(double scale) {
        double[] s = new double[AXIS.size()];
        double[][] lines = {{0.525, 400}, {6.404, 900}, {7.058, 130}, {0.705, 250}, {1.740, 300}};
        for (int c = 0; c < s.length; c++) {
            double e = AXIS.energy(c);
            double v = e > 0.2 ? 60 * Math.exp(-e / 6) * (1 - Math.exp(-e / 0.4)) : 0;
            for (double[] l : lines) {
                double sigma = 0.03 + 0.006 * l[0];
                v += l[1] * Math.exp(-0.5 * Math.pow((e - l[0]) / sigma, 2));
            }
            s[c] = v * scale;
        }
        return s;
    }
}
