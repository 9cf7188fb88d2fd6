package org.sicube.transforms.synthetic;

import org.sicube.transforms.physics.EelsEdge;
import org.sicube.transforms.physics.EnergyGrid;

/**
 * Noiseless core-loss EELS spectrum of one phase, in expected counts per channel:
 * λ(E) = B(E) · [1 + Σ_edges J · S(E)] + white lines, with background B(E) = A · E^−r · ΔE evaluated
 * at the undrifted energy E = E_channel − drift. Each edge decays like the background (a power law
 * of the same exponent, so its jump ratio is 1 + J everywhere above the onset); S is a logistic step
 * of width w at the onset, split 2:1 between L3 and L2 (M5 and M4) by their statistical weights.
 * White lines are Gaussians at the two onsets of height H · J · B(onset), the second divided by the
 * L3:L2 ratio.
 */
final class EelsSpectrumModel {

    private static final double STEP_CUTOFF = 40.0;
    private static final double PEAK_CUTOFF = 8.0;

    private final EnergyGrid grid;
    private final EelsPhase phase;
    private final double onsetWidth;
    private final double wlHeight;
    private final double wlRatio;
    private final double wlSigma;

    EelsSpectrumModel(EnergyGrid grid, EelsPhase phase, EelsSpec spec) {
        this.grid = grid;
        this.phase = phase;
        this.onsetWidth = spec.onsetWidthEv();
        this.wlHeight = spec.whiteLineHeight();
        this.wlRatio = spec.whiteLineRatio();
        this.wlSigma = spec.whiteLineWidthEv();
    }

    /** Fills out[0..channels) for background amplitude a, exponent r and drift d (eV); returns the sum. */
    double evaluate(double a, double r, double drift, double[] out) {
        int n = grid.channels();
        double width = grid.scaleEv();
        double total = 0;
        for (int i = 0; i < n; i++) {
            double e = grid.energyEv(i) - drift;
            double b = a * Math.exp(-r * Math.log(e)) * width;
            double f = 1.0;
            double peaks = 0;
            for (EelsPhase.Edge c : phase.edges()) {
                EelsEdge edge = c.edge();
                if (edge.isSplit()) {
                    f += c.jump() * (2.0 / 3.0 * step(e - edge.onsetEv()) + 1.0 / 3.0 * step(e - edge.secondOnsetEv()));
                } else {
                    f += c.jump() * step(e - edge.onsetEv());
                }
                if (edge.whiteLines() && wlHeight > 0) {
                    peaks += whiteLines(c, e, a, r);
                }
            }
            double v = b * f + peaks;
            out[i] = v;
            total += v;
        }
        return total;
    }

    private double whiteLines(EelsPhase.Edge c, double e, double a, double r) {
        EelsEdge edge = c.edge();
        double s = 0;
        double z3 = (e - edge.onsetEv()) / wlSigma;
        if (Math.abs(z3) < PEAK_CUTOFF) {
            s += height(c, edge.onsetEv(), a, r) * Math.exp(-0.5 * z3 * z3);
        }
        double z2 = (e - edge.secondOnsetEv()) / wlSigma;
        if (Math.abs(z2) < PEAK_CUTOFF) {
            s += height(c, edge.secondOnsetEv(), a, r) / wlRatio * Math.exp(-0.5 * z2 * z2);
        }
        return s;
    }

    private double height(EelsPhase.Edge c, double onset, double a, double r) {
        return wlHeight * c.jump() * a * Math.exp(-r * Math.log(onset)) * grid.scaleEv();
    }

    private double step(double de) {
        double z = de / onsetWidth;
        if (z < -STEP_CUTOFF) {
            return 0.0;
        }
        if (z > STEP_CUTOFF) {
            return 1.0;
        }
        return 1.0 / (1.0 + Math.exp(-z));
    }
}
