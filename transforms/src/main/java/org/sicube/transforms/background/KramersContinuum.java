package org.sicube.transforms.background;

import java.util.Arrays;
import org.sicube.transforms.decomposition.nmf.SmallLinearSolve;
import org.sicube.transforms.physics.DetectorEfficiency;
import org.sicube.transforms.physics.EnergyGrid;

/**
 * EDS continuum (bremsstrahlung) background, Kramers' law times detector efficiency: counts per
 * channel {@code s · (E0 − E)/E · ε(E) · ΔE · (1 + c1·x + … + cm·x^m)} (E, E0, ΔE in keV at the
 * channel centre; x runs from −1 to 1 over the fitted range; m = {@code order}, 0 for Kramers
 * alone). Fitted per spectrum on the line-free channels ({@link LineFreeChannels}) by Poisson
 * maximum likelihood (iteratively reweighted least squares, weights 1/model), which matches the
 * fitted and measured counts over those channels exactly; subtracted over the fitted range. One
 * instance per thread; per-spectrum calls allocate nothing.
 */
public final class KramersContinuum {
    private static final int MAX_ITERATIONS = 30;

    private final boolean[] free;
    private final int first;
    private final int end;
    private final double[][] basis;
    private final double[] coefficients;
    private final double[] normal;
    private final double[] rhs;
    private final double[] model;

    /** {@code free}: the channels to fit; the range is from the first to the last of them. */
    public KramersContinuum(EnergyGrid grid, double beamEnergyKeV, DetectorEfficiency efficiency, boolean[] free,
            int order) {
        if (free.length != grid.channels() || LineFreeChannels.count(free) < 2 * (order + 1)) {
            throw new IllegalArgumentException("a continuum of order " + order + " needs at least " + 2 * (order + 1)
                    + " line-free channels, got " + LineFreeChannels.count(free));
        }
        this.free = free.clone();
        int f = 0;
        while (!free[f]) {
            f++;
        }
        int e = free.length;
        while (!free[e - 1]) {
            e--;
        }
        first = f;
        end = e;
        basis = new double[order + 1][grid.channels()];
        double mid = 0.5 * (grid.energyEv(first) + grid.energyEv(end - 1));
        double half = Math.max(0.5 * (grid.energyEv(end - 1) - grid.energyEv(first)), grid.scaleEv());
        for (int i = first; i < end; i++) {
            double kev = grid.energyEv(i) / 1000.0;
            double shape = kev > 0 && kev < beamEnergyKeV
                    ? (beamEnergyKeV - kev) / kev * efficiency.at(kev) * grid.scaleEv() / 1000.0 : 0.0;
            double x = (grid.energyEv(i) - mid) / half;
            for (int j = 0; j <= order; j++) {
                basis[j][i] = shape * Math.pow(x, j);
            }
        }
        coefficients = new double[order + 1];
        normal = new double[(order + 1) * (order + 1)];
        rhs = new double[order + 1];
        model = new double[grid.channels()];
    }

    /** The fitted Kramers scale s (counts per keV where (E0 − E)/E · ε = 1) of the last fit; NaN if invalid. */
    public double scale() {
        return coefficients[0];
    }

    /** The continuum counts per channel of the last fit (0 outside the fitted range); valid until the next fit. */
    public double[] model() {
        return model;
    }

    /** Fits and subtracts; returns false (scale NaN, spectrum unchanged) when the free channels hold no counts. */
    public boolean fitAndSubtract(double[] spectrum) {
        if (!fit(spectrum)) {
            return false;
        }
        for (int i = first; i < end; i++) {
            spectrum[i] -= model[i];
        }
        return true;
    }

    /** Fits the coefficients to {@code spectrum} and fills {@link #model()}. */
    public boolean fit(double[] spectrum) {
        double counts = 0;
        double shape = 0;
        for (int i = first; i < end; i++) {
            if (free[i]) {
                counts += spectrum[i];
                shape += basis[0][i];
            }
        }
        Arrays.fill(coefficients, 0.0);
        if (!(counts > 0) || !(shape > 0) || !Double.isFinite(counts)) {
            coefficients[0] = Double.NaN;
            Arrays.fill(model, 0.0);
            return false;
        }
        coefficients[0] = counts / shape; // the Poisson ML scale of Kramers alone
        evaluate();
        for (int it = 0; it < MAX_ITERATIONS && coefficients.length > 1; it++) {
            double before = coefficients[0];
            if (!reweightedStep(spectrum)) {
                break;
            }
            evaluate();
            if (Math.abs(coefficients[0] - before) <= 1e-12 * Math.abs(before)) {
                break;
            }
        }
        return true;
    }

    /** One IRLS step: weighted least squares with weights 1/μ of the current model (floored at 1e-6 of its largest value). */
    private boolean reweightedStep(double[] y) {
        int n = coefficients.length;
        double floor = 0;
        for (int i = first; i < end; i++) {
            floor = Math.max(floor, model[i]);
        }
        floor *= 1e-6;
        Arrays.fill(normal, 0.0);
        Arrays.fill(rhs, 0.0);
        for (int i = first; i < end; i++) {
            if (!free[i]) {
                continue;
            }
            double w = 1.0 / Math.max(model[i], floor);
            for (int a = 0; a < n; a++) {
                rhs[a] += w * basis[a][i] * y[i];
                for (int b = 0; b < n; b++) {
                    normal[a * n + b] += w * basis[a][i] * basis[b][i];
                }
            }
        }
        if (!SmallLinearSolve.solve(normal, rhs, n)) {
            return false;
        }
        System.arraycopy(rhs, 0, coefficients, 0, n);
        return true;
    }

    private void evaluate() {
        Arrays.fill(model, 0.0);
        for (int i = first; i < end; i++) {
            double m = 0;
            for (int j = 0; j < coefficients.length; j++) {
                m += coefficients[j] * basis[j][i];
            }
            model[i] = m;
        }
    }
}
