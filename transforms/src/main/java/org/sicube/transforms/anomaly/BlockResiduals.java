package org.sicube.transforms.anomaly;

import dev.ludovic.netlib.blas.BLAS;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.sicube.transforms.decomposition.CompressedRows;

/**
 * The residual of a block of spectra against a fitted model ({@link Reconstruction}): the
 * reconstruction x̂_n of every pixel, summarised per pixel as Poisson deviance and weighted χ²
 * ({@link PoissonDeviance}); the per-channel residual x − x̂ is produced only on request, for the
 * few pixels that are flagged. Pixels without counts have D = χ² = 0.
 *
 * <p>Low-count spectra are mostly zeros, so the block comes as its non-zero counts and each sum is
 * split: a dense part over all channels as if x = 0 (D: 2 m, χ²: x̂²/m = x̂ · min(1, x̂/FLOOR), with
 * m = max(x̂, FLOOR); no logarithm, no division, no branch — about half the channels of a
 * 200-count EDS spectrum have x̂ below the floor — and in SIMD lanes)
 * and a correction over the channels with counts (D: 2 [x ln(x/m) − x], χ²: (x² − 2 x x̂)/m);
 * together they are the terms of {@link PoissonDeviance} exactly. x̂ = C z is made {@link #CHUNK}
 * pixels at a time by one BLAS {@code dgemm}, so the working set stays in cache.
 */
public final class BlockResiduals {
    /** Pixels reconstructed at once: 16 × 2048 doubles, 256 KiB, fit a core's L2 cache. */
    static final int CHUNK = 16;
    private static final double FLOOR = PoissonDeviance.FLOOR;
    private static final double INVERSE_FLOOR = 1 / FLOOR;
    private static final VectorSpecies<Double> LANES = DoubleVector.SPECIES_PREFERRED;

    private final Reconstruction model;
    private final int channels;
    private final int[] start;
    private final int[] channel;
    private final double[] value;
    private final double[] totals;
    private final double[] deviance;
    private final double[] chiSquare;
    private final double[] sums = new double[2];

    /** The residuals of a dense block ({@code pixels × channels}, energy fastest). */
    public BlockResiduals(Reconstruction model, float[] counts, int pixels, int channels) {
        this(model, pixels, channels, check(model, counts, pixels, channels));
    }

    /**
     * The residuals of a block given by its non-zero counts: pixel n holds {@code value[i]} counts in
     * channel {@code channel[i]} for {@code start[n] <= i < start[n + 1]}.
     */
    public BlockResiduals(Reconstruction model, int pixels, int channels, int[] start, int[] channel, float[] value) {
        this(model, pixels, channels, SparseRows.of(new CompressedRows(start, channel, value)));
    }

    private BlockResiduals(Reconstruction model, int pixels, int channels, SparseRows rows) {
        if (channels != model.channels() || rows.start().length != pixels + 1) {
            throw new IllegalArgumentException("block of " + pixels + " × " + channels
                    + " does not fit a model of " + model.channels() + " channels");
        }
        this.model = model;
        this.channels = channels;
        this.start = rows.start();
        this.channel = rows.channel();
        this.value = rows.value();
        this.totals = new double[pixels];
        this.deviance = new double[pixels];
        this.chiSquare = new double[pixels];
        int j = model.terms();
        double[] z = new double[Math.max(1, pixels * j)];
        model.coefficients(pixels, start, channel, value, z);
        double[] c = model.columns();
        double[] expected = new double[Math.min(CHUNK, Math.max(1, pixels)) * channels];
        BLAS blas = BLAS.getInstance();
        for (int first = 0; first < pixels; first += CHUNK) {
            int p = Math.min(CHUNK, pixels - first);
            blas.dgemm("N", "N", channels, p, j, 1.0, c, 0, channels, z, first * j, j, 0.0, expected, 0, channels);
            for (int i = 0; i < p; i++) {
                summarise(first + i, expected, i * channels);
            }
        }
    }

    private static SparseRows check(Reconstruction model, float[] counts, int pixels, int channels) {
        if (channels != model.channels() || counts.length != (long) pixels * channels) {
            throw new IllegalArgumentException("block of " + pixels + " × " + channels + " (" + counts.length
                    + " values) does not fit a model of " + model.channels() + " channels");
        }
        return SparseRows.of(counts, pixels, channels);
    }

    private void summarise(int n, double[] expected, int from) {
        DoubleVector av = DoubleVector.zero(LANES);
        DoubleVector dv = DoubleVector.zero(LANES);
        DoubleVector cv = DoubleVector.zero(LANES);
        DoubleVector one = DoubleVector.broadcast(LANES, 1.0);
        DoubleVector floor = DoubleVector.broadcast(LANES, FLOOR);
        int i = start[n];
        int last = start[n + 1];
        for (int end = i + LANES.loopBound(last - i); i < end; i += LANES.length()) {
            DoubleVector c = DoubleVector.fromArray(LANES, value, i);
            DoubleVector xh = DoubleVector.fromArray(LANES, expected, from, channel, i);
            DoubleVector inverse = one.div(xh.blend(floor, xh.compare(VectorOperators.LT, floor)));
            av = av.add(c);
            dv = dv.add(c.mul(c.mul(inverse).lanewise(VectorOperators.LOG).sub(1.0)));
            cv = cv.add(c.mul(c.sub(xh.mul(2.0))).mul(inverse));
        }
        double a = av.reduceLanes(VectorOperators.ADD);
        double d = dv.reduceLanes(VectorOperators.ADD);
        double chi = cv.reduceLanes(VectorOperators.ADD);
        for (; i < last; i++) {
            double c = value[i];
            double xh = expected[from + channel[i]];
            double inverse = 1 / Math.max(xh, FLOOR);
            a += c;
            d += c * (Math.log(c * inverse) - 1);
            chi += c * (c - 2 * xh) * inverse;
        }
        totals[n] = a;
        if (a > 0) {
            double[] dense = denseSums(expected, from);
            deviance[n] = 2 * (dense[0] + d);
            chiSquare[n] = dense[1] + chi;
        }
    }

    /**
     * Σ_e max(x̂, FLOOR) and Σ_e x̂²/max(x̂, FLOOR) = Σ_e x̂ · min(1, x̂/FLOOR) over one pixel's
     * channels, in SIMD lanes: this loop runs over every channel of every pixel, the only part of
     * the pass whose cost does not shrink with the counts.
     */
    private double[] denseSums(double[] expected, int from) {
        DoubleVector floor = DoubleVector.broadcast(LANES, FLOOR);
        DoubleVector inverseFloor = DoubleVector.broadcast(LANES, INVERSE_FLOOR);
        DoubleVector one = DoubleVector.broadcast(LANES, 1.0);
        DoubleVector d = DoubleVector.zero(LANES);
        DoubleVector chi = DoubleVector.zero(LANES);
        int e = from;
        for (int end = from + LANES.loopBound(channels); e < end; e += LANES.length()) {
            DoubleVector v = DoubleVector.fromArray(LANES, expected, e);
            // compare and blend: half the cost of max and min here
            VectorMask<Double> low = v.compare(VectorOperators.LT, floor);
            d = d.add(v.blend(floor, low));
            chi = chi.add(v.mul(one.blend(v.mul(inverseFloor), low)));
        }
        double ds = d.reduceLanes(VectorOperators.ADD);
        double cs = chi.reduceLanes(VectorOperators.ADD);
        for (int end = from + channels; e < end; e++) {
            double v = expected[e];
            ds += Math.max(v, FLOOR);
            cs += v * Math.min(1.0, v * INVERSE_FLOOR);
        }
        sums[0] = ds;
        sums[1] = cs;
        return sums;
    }

    /** Poisson deviance of each pixel, pixel-major. */
    public double[] deviance() {
        return deviance;
    }

    /** Weighted χ² of each pixel, pixel-major. */
    public double[] chiSquare() {
        return chiSquare;
    }

    /** Total counts of pixel n. */
    public double total(int n) {
        return totals[n];
    }

    /** The reconstruction x̂ of pixel n (E counts, unclamped; 0 for a pixel without counts). */
    public double[] reconstruction(int n) {
        double[] x = new double[channels];
        if (totals[n] > 0) {
            int j = model.terms();
            double[] z = new double[j];
            int[] one = {0, start[n + 1] - start[n]};
            model.coefficients(1, one, java.util.Arrays.copyOfRange(channel, start[n], start[n + 1]),
                    java.util.Arrays.copyOfRange(value, start[n], start[n + 1]), z);
            BLAS.getInstance().dgemv("N", channels, j, 1.0, model.columns(), channels, z, 1, 0.0, x, 1);
        }
        return x;
    }

    /** The residual x − x̂ of pixel n (E counts). */
    public float[] residual(int n) {
        double[] xh = reconstruction(n);
        float[] x = counts(n);
        float[] r = new float[channels];
        for (int e = 0; e < channels; e++) {
            r[e] = (float) (x[e] - xh[e]);
        }
        return r;
    }

    /** The raw counts of pixel n (a copy, E values). */
    public float[] counts(int n) {
        float[] x = new float[channels];
        for (int i = start[n]; i < start[n + 1]; i++) {
            x[channel[i]] = (float) value[i];
        }
        return x;
    }

    /** Pixel n's channels with counts (a copy, increasing). */
    public int[] channelsWithCounts(int n) {
        return java.util.Arrays.copyOfRange(channel, start[n], start[n + 1]);
    }

    /** Pixel n's counts in {@link #channelsWithCounts} (a copy). */
    public float[] nonZeroCounts(int n) {
        float[] x = new float[start[n + 1] - start[n]];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) value[start[n] + i];
        }
        return x;
    }
}
