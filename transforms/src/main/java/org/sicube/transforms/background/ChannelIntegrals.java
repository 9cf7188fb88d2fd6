package org.sicube.transforms.background;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Channel integrals of a power-law density {@code a·E^-r}: {@code a·(hi^k − lo^k)/k},
 * {@code k = 1 − r}, from the natural logs of the channel edges, with a cancellation-free branch
 * for r near 1 (or channels narrow in ln E, as on usual core-loss grids) that runs in SIMD lanes
 * and needs one exp per block of channels.
 */
final class ChannelIntegrals {

    private static final VectorSpecies<Double> LANES = DoubleVector.SPECIES_PREFERRED;
    /** |k| · (widest channel in ln E) up to which the cancellation-free branch is taken. */
    private static final double NARROW = 1e-2;
    /**
     * |k·(ln lo − ln lo of the block's first channel)| up to which {@link #expNear0} is used: its
     * Taylor remainder x¹³/13! · e^|x| is below 3.1e-18 relative there.
     */
    private static final double BLOCK_SPAN = 0.25;

    private ChannelIntegrals() {
    }

    /**
     * Fills {@code out[0..n)} with the integrals over channels whose edges are
     * {@code lnEdge[j], lnEdge[j + 1]}; {@code lnEdge} is increasing, so channel 0 is the widest in ln E.
     */
    static void fill(double[] lnEdge, double a, double r, double[] out, int n) {
        double k = 1.0 - r;
        double widest = lnEdge[1] - lnEdge[0];
        if (Math.abs(k) * widest > NARROW) {
            double scale = a / k;
            double lower = Math.exp(k * lnEdge[0]);
            for (int j = 0; j < n; j++) {
                double upper = Math.exp(k * lnEdge[j + 1]);
                out[j] = scale * (upper - lower);
                lower = upper;
            }
            return;
        }
        // lo^k · (e^(k·d) − 1)/k = lo^k · d · φ(k·d), d = ln(hi/lo), avoids the cancellation. Within a
        // block lo^k is the block's first lo^k, one exp, times e^(k·(ln lo − ln lo₀)) by series, so
        // every channel stands alone: no dependency from one channel to the next.
        int lanes = LANES.length();
        int j = 0;
        int bound = LANES.loopBound(n);
        if (bound > 0) {
            double vectorSpan = Math.abs(k) * (lnEdge[lanes] - lnEdge[0]);
            // Channels get narrower in ln E, so no block spans more than m times the first vector's span
            // (k = 0: one block; a NaN k still ends, with NaN integrals).
            int vectors = (int) Math.min(n, Math.floor(BLOCK_SPAN / vectorSpan));
            int block = lanes * Math.max(1, vectors);
            // The blocks' first powers first, each kept in its block's first output: the vector loop
            // below then makes no calls (a call in it costs more than the exps themselves).
            for (int first = 0; first < bound; first += block) {
                out[first] = a * Math.exp(k * lnEdge[first]);
            }
            while (j < bound) {
                int end = Math.min(bound, j + block);
                double origin = lnEdge[j];
                double base = out[j];
                for (; j < end; j += lanes) {
                    DoubleVector lo = DoubleVector.fromArray(LANES, lnEdge, j);
                    DoubleVector d = DoubleVector.fromArray(LANES, lnEdge, j + 1).sub(lo);
                    DoubleVector power = expNear0(lo.sub(origin).mul(k)).mul(base);
                    power.mul(d).mul(phi(d.mul(k))).intoArray(out, j);
                }
            }
        }
        for (; j < n; j++) {
            double d = lnEdge[j + 1] - lnEdge[j];
            out[j] = a * Math.exp(k * lnEdge[j]) * d * TwoAreaMethod.phi(k * d);
        }
    }

    /** e^x for |x| ≤ {@link #BLOCK_SPAN}: its Taylor series to x¹². */
    private static DoubleVector expNear0(DoubleVector x) {
        DoubleVector p = x.mul(1.0 / 479001600).add(1.0 / 39916800);
        p = p.fma(x, DoubleVector.broadcast(LANES, 1.0 / 3628800));
        p = p.fma(x, DoubleVector.broadcast(LANES, 1.0 / 362880));
        p = p.fma(x, DoubleVector.broadcast(LANES, 1.0 / 40320));
        p = p.fma(x, DoubleVector.broadcast(LANES, 1.0 / 5040));
        p = p.fma(x, DoubleVector.broadcast(LANES, 1.0 / 720));
        p = p.fma(x, DoubleVector.broadcast(LANES, 1.0 / 120));
        p = p.fma(x, DoubleVector.broadcast(LANES, 1.0 / 24));
        p = p.fma(x, DoubleVector.broadcast(LANES, 1.0 / 6));
        p = p.fma(x, DoubleVector.broadcast(LANES, 0.5));
        p = p.fma(x, DoubleVector.broadcast(LANES, 1.0));
        return p.fma(x, DoubleVector.broadcast(LANES, 1.0));
    }

    /** {@link TwoAreaMethod#phi} for |x| ≤ {@link #NARROW}, where it is its series to x⁶. */
    private static DoubleVector phi(DoubleVector x) {
        DoubleVector p = x.mul(1.0 / 5040).add(1.0 / 720);
        p = p.fma(x, DoubleVector.broadcast(LANES, 1.0 / 120));
        p = p.fma(x, DoubleVector.broadcast(LANES, 1.0 / 24));
        p = p.fma(x, DoubleVector.broadcast(LANES, 1.0 / 6));
        p = p.fma(x, DoubleVector.broadcast(LANES, 0.5));
        return p.fma(x, DoubleVector.broadcast(LANES, 1.0));
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
