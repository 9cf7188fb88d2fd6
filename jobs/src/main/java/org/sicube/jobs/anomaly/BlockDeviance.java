package org.sicube.jobs.anomaly;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sicube.datasets.model.BlockNonZeros;
import org.sicube.transforms.anomaly.BlockResiduals;
import org.sicube.transforms.anomaly.DevianceThreshold;
import org.sicube.transforms.anomaly.Reconstruction;

/**
 * The residual pass over one block, kept between the histogram, the threshold, the mask and the
 * regions: Poisson deviance and weighted χ² of every pixel ({@code height × width}, row-major,
 * float) and the counts of its {@link #CANDIDATES} pixels of largest deviance (channels with counts
 * only). Whatever the threshold, a block with at most that many flagged pixels has them all among
 * its candidates, so its spectra need no second read. A pixel is flagged when its float D exceeds
 * the threshold, the same comparison wherever it is made, so mask and regions agree.
 */
record BlockDeviance(int y0, int x0, int height, int width, float[] deviance, float[] chiSquare,
        List<Candidate> candidates) implements Serializable {

    /** Pixels per block whose counts are kept for the regions. */
    static final int CANDIDATES = 16;

    /** Pixel n of the block and its counts: {@code values[i]} counts in channel {@code channels[i]}. */
    record Candidate(int n, int[] channels, float[] values) implements Serializable {
    }

    static BlockDeviance of(BlockNonZeros b, Reconstruction model) {
        BlockResiduals r = residuals(b, model);
        float[] d = floats(r.deviance());
        float[] sorted = d.clone();
        Arrays.sort(sorted);
        float least = sorted[Math.max(0, sorted.length - CANDIDATES)];
        List<Candidate> candidates = new ArrayList<>();
        // those above the CANDIDATES-th largest first, then ties with it while room is left
        for (int n = 0; n < d.length; n++) {
            if (d[n] > least && r.total(n) > 0) {
                candidates.add(new Candidate(n, r.channelsWithCounts(n), r.nonZeroCounts(n)));
            }
        }
        for (int n = 0; n < d.length && candidates.size() < CANDIDATES; n++) {
            if (d[n] == least && r.total(n) > 0) {
                candidates.add(new Candidate(n, r.channelsWithCounts(n), r.nonZeroCounts(n)));
            }
        }
        return new BlockDeviance(b.y0(), b.x0(), b.height(), b.width(), d, floats(r.chiSquare()), candidates);
    }

    private static BlockResiduals residuals(BlockNonZeros b, Reconstruction model) {
        return new BlockResiduals(model, b.pixels(), b.channels(), b.start(), b.channel(), b.value());
    }

    static boolean flags(DevianceThreshold t, double deviance) {
        return t.flags((float) deviance);
    }

    /** The flag of every pixel (1 = flagged), row-major. */
    byte[] mask(DevianceThreshold t) {
        byte[] m = new byte[deviance.length];
        for (int n = 0; n < m.length; n++) {
            m[n] = (byte) (flags(t, deviance[n]) ? 1 : 0);
        }
        return m;
    }

    long flagged(DevianceThreshold t) {
        long k = 0;
        for (float d : deviance) {
            k += flags(t, d) ? 1 : 0;
        }
        return k;
    }

    /** True when the candidates hold every flagged pixel (the block need not be read again). */
    boolean complete(DevianceThreshold t) {
        return flagged(t) <= candidates.size();
    }

    /** The flagged pixels among the candidates, with their residual against {@code model}. */
    List<FlaggedPixel> flaggedCandidates(DevianceThreshold t, Reconstruction model) {
        List<FlaggedPixel> out = new ArrayList<>();
        int e = model.channels();
        for (Candidate c : candidates) {
            if (flags(t, deviance[c.n()])) {
                BlockResiduals r = new BlockResiduals(model, 1, e, new int[] {0, c.channels().length}, c.channels(),
                        c.values());
                out.add(new FlaggedPixel(y0 + c.n() / width, x0 + c.n() % width, deviance[c.n()], chiSquare[c.n()],
                        r.counts(0), r.residual(0)));
            }
        }
        return out;
    }

    /** The flagged pixels of a block read again: position, statistics, counts and residual. */
    static List<FlaggedPixel> flaggedPixels(BlockNonZeros b, Reconstruction model, DevianceThreshold t) {
        BlockResiduals r = residuals(b, model);
        List<FlaggedPixel> out = new ArrayList<>();
        for (int n = 0; n < b.pixels(); n++) {
            if (flags(t, r.deviance()[n])) {
                out.add(new FlaggedPixel(b.y0() + n / b.width(), b.x0() + n % b.width(), (float) r.deviance()[n],
                        (float) r.chiSquare()[n], r.counts(n), r.residual(n)));
            }
        }
        return out;
    }

    private static float[] floats(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }
}
