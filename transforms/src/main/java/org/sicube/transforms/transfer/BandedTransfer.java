package org.sicube.transforms.transfer;

import java.io.Serializable;

/**
 * A banded linear map between two instruments' spectra on one energy axis: target channel j is
 * {@code offsets[j] + Σ_i weights[j][i − j + w] · source[i]} over source channels
 * {@code i ∈ [j − w, j + w]} inside the axis (out-of-range weights are 0). Window 0 is a
 * per-channel slope and bias. Made by {@link PdsFit} or {@link SlopeBiasFit}.
 */
public final class BandedTransfer implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int window;
    private final double[][] weights;
    private final double[] offsets;

    /** {@code weights[j]} has {@code 2·window + 1} entries, source channels {@code j − window … j + window}. */
    public BandedTransfer(int window, double[][] weights, double[] offsets) {
        if (window < 0 || weights.length != offsets.length || weights.length == 0) {
            throw new IllegalArgumentException("need window ≥ 0 and one weight row and offset per channel, got window "
                    + window + ", " + weights.length + " rows, " + offsets.length + " offsets");
        }
        for (int j = 0; j < weights.length; j++) {
            if (weights[j].length != 2 * window + 1) {
                throw new IllegalArgumentException("weight row " + j + " has " + weights[j].length + " entries, not "
                        + (2 * window + 1));
            }
        }
        this.window = window;
        this.weights = deepCopy(weights);
        this.offsets = offsets.clone();
    }

    public int channels() {
        return offsets.length;
    }

    /** Half-width w of the band, channels. */
    public int window() {
        return window;
    }

    /** Weight of source channel {@code j + k} (k in −w … w) in target channel j. */
    public double weight(int j, int k) {
        return weights[j][k + window];
    }

    /** Offset of target channel j, in the target's units (counts). */
    public double offset(int j) {
        return offsets[j];
    }

    /** Maps one source spectrum ({@link #channels()} values) into {@code out} (a different array of the same length). */
    public double[] apply(double[] source, double[] out) {
        int n = offsets.length;
        if (source.length != n || out.length != n) {
            throw new IllegalArgumentException("spectra of " + source.length + " → " + out.length
                    + " channels for a transfer of " + n + " channels");
        }
        for (int j = 0; j < n; j++) {
            double v = offsets[j];
            double[] row = weights[j];
            int lo = Math.max(0, j - window);
            int hi = Math.min(n - 1, j + window);
            for (int i = lo; i <= hi; i++) {
                v += row[i - j + window] * source[i];
            }
            out[j] = v;
        }
        return out;
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
