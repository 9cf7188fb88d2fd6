package org.sicube.transforms.noise;

import java.io.Serializable;

/**
 * Builds (mean, variance) pairs for {@link VarianceMean} from a spatially smooth region: for every
 * channel and every pair of horizontally adjacent pixels (x1, x2) it bins the pair mean
 * {@code (x1 + x2)/2} and accumulates {@code d = x1 − x2}; per bin, {@code Var(d)/2} estimates the
 * per-pixel variance at that mean (two pixels of the same expected value differ only by noise, and
 * the difference removes the common signal). Bins are equal-width on {@code [minMean, maxMean)};
 * pairs outside are ignored. An accumulator: {@link #add} blocks, {@link #merge} partial results
 * (results do not depend on how the region is tiled, as long as pairs are not split across tiles).
 * Blocks are flat row-major {@code (h, w, channels)} arrays, energy fastest. {@link #addFrames}
 * pairs the same pixel of two acquisitions instead, for scenes that are not smooth.
 */
public final class NeighbourDifferences implements Serializable {
    private static final long serialVersionUID = 1L;

    private final double minMean;
    private final double binWidth;
    private final long[] count;
    private final double[] sumMean;
    private final double[] sumD;
    private final double[] sumD2;

    public NeighbourDifferences(double minMean, double maxMean, int bins) {
        if (!(maxMean > minMean) || bins < 2) {
            throw new IllegalArgumentException("need minMean < maxMean and ≥ 2 bins, got " + minMean + ", "
                    + maxMean + ", " + bins);
        }
        this.minMean = minMean;
        this.binWidth = (maxMean - minMean) / bins;
        count = new long[bins];
        sumMean = new double[bins];
        sumD = new double[bins];
        sumD2 = new double[bins];
    }

    /** Adds all horizontal neighbour pairs of an {@code h × w} block of {@code channels}-channel spectra. */
    public NeighbourDifferences add(float[] block, int h, int w, int channels) {
        if ((long) h * w * channels != block.length) {
            throw new IllegalArgumentException("block of " + block.length + " values is not " + h + " × " + w
                    + " × " + channels);
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x + 1 < w; x++) {
                int left = (y * w + x) * channels;
                int right = left + channels;
                for (int e = 0; e < channels; e++) {
                    addPair(block[left + e], block[right + e]);
                }
            }
        }
        return this;
    }

    /**
     * Adds the pairs (first[i], second[i]): two frames of the same pixels and channels (e.g. two
     * acquisitions of one region), whose difference removes any spatial structure.
     */
    public NeighbourDifferences addFrames(float[] first, float[] second) {
        if (first.length != second.length) {
            throw new IllegalArgumentException("frames of " + first.length + " and " + second.length + " values differ");
        }
        for (int i = 0; i < first.length; i++) {
            addPair(first[i], second[i]);
        }
        return this;
    }

    private void addPair(double a, double b) {
        double m = 0.5 * (a + b);
        int bin = (int) Math.floor((m - minMean) / binWidth);
        if (bin < 0 || bin >= count.length) {
            return;
        }
        double d = a - b;
        count[bin]++;
        sumMean[bin] += m;
        sumD[bin] += d;
        sumD2[bin] += d * d;
    }

    /** Adds {@code other}'s sums into this one (same binning required). */
    public NeighbourDifferences merge(NeighbourDifferences other) {
        if (other.count.length != count.length || other.minMean != minMean || other.binWidth != binWidth) {
            throw new IllegalArgumentException("cannot merge accumulators with different bins");
        }
        for (int b = 0; b < count.length; b++) {
            count[b] += other.count[b];
            sumMean[b] += other.sumMean[b];
            sumD[b] += other.sumD[b];
            sumD2[b] += other.sumD2[b];
        }
        return this;
    }

    public int bins() {
        return count.length;
    }

    /** Number of pixel pairs in bin {@code b}. */
    public long pairs(int b) {
        return count[b];
    }

    /** Mean of the pair means in bin {@code b} (NaN when empty). */
    public double mean(int b) {
        return count[b] == 0 ? Double.NaN : sumMean[b] / count[b];
    }

    /** Var(x1 − x2)/2 in bin {@code b}, the per-pixel variance (NaN below 2 pairs). */
    public double variance(int b) {
        long n = count[b];
        if (n < 2) {
            return Double.NaN;
        }
        double varD = (sumD2[b] - sumD[b] * sumD[b] / n) / (n - 1);
        return 0.5 * varD;
    }
}
