package org.sicube.transforms.decomposition;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.NativeBLAS;
import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Gram kernel of low-count blocks: adds Σ_n u_n u_nᵀ (u_n = x_n / √a_n) of a block given as
 * compressed rows (pixel n's non-zeros are {@code value[i]} in {@code channel[i]} for
 * {@code start[n] <= i < start[n + 1]}, channels increasing) to the packed upper triangle of M
 * (see {@link GramKernels}).
 *
 * <p>In an EDS block a few channels (the lines of the major phases) have counts in most pixels and
 * carry most of the pairs of non-zeros; the rest have counts in a few pixels. The channels are split
 * per block by estimated cost into a dense set H and a sparse set S:
 * <ul>
 *   <li>H × H: the block restricted to H as a dense pixels × |H| matrix D, one BLAS {@code dsyrk};</li>
 *   <li>S × H: for each channel s of S, Σ over its pixels of u_ns · D[n, :] in SIMD lanes;</li>
 *   <li>S × S: the products of each pixel's non-zeros in S, gathered channel by channel
 *   (Gustavson's order), so that the column of M being written stays in cache.</li>
 * </ul>
 * Every pair is counted once, so the result equals the pixel-by-pixel sum up to rounding.
 */
final class LowCountGram {

    private static final VectorSpecies<Double> LANES = DoubleVector.SPECIES_PREFERRED;

    /** Pixels per dense matrix D: at most 1024 × E doubles. */
    static final int CHUNK = 1024;

    // Cost model (ns per multiply-add), measured on 2 cores with EDS blocks of 200 counts a pixel.
    private static final double SCALAR_PAIR = 2.5;
    private static final double LANE_PAIR = 0.3;
    private static final double NATIVE_DENSE = 0.05;
    private static final double JAVA_DENSE = 1.0;
    private static final double FLUSH = 2.0;

    private LowCountGram() {
    }

    static void add(int[] start, int[] channel, float[] value, int pixels, double[] pixelTotals, int channels,
            double[] m) {
        for (int p0 = 0; p0 < pixels; p0 += CHUNK) {
            addChunk(start, channel, value, p0, Math.min(pixels, p0 + CHUNK), pixelTotals, channels, m);
        }
    }

    /** Pixels {@code p0..p1-1}. */
    private static void addChunk(int[] start, int[] channel, float[] value, int p0, int p1, double[] pixelTotals,
            int channels, double[] m) {
        int nonZero = start[p1] - start[p0];
        int pixels = p1 - p0;
        int[] count = new int[channels];
        for (int i = start[p0]; i < start[p1]; i++) {
            count[channel[i]]++;
        }
        int[] dense = denseChannels(count, pixels, channels);
        int h = dense.length;
        int[] denseIndex = new int[channels];
        Arrays.fill(denseIndex, -1);
        for (int j = 0; j < h; j++) {
            denseIndex[dense[j]] = j;
        }
        double[] d = new double[pixels * h];
        // u = x / √a_n: into D for H, else the S entries of each pixel in channel order (sStart per pixel)
        int[] sStart = new int[pixels + 1];
        int[] sChannel = new int[nonZero];
        double[] sU = new double[nonZero];
        int s = 0;
        for (int n = p0; n < p1; n++) {
            int row = n - p0;
            double a = pixelTotals[n];
            double w = a > 0 ? 1.0 / Math.sqrt(a) : 0;
            sStart[row] = s;
            for (int i = start[n]; i < start[n + 1]; i++) {
                int c = channel[i];
                int j = denseIndex[c];
                if (j >= 0) {
                    d[row * h + j] = value[i] * w;
                } else {
                    sChannel[s] = c;
                    sU[s++] = value[i] * w;
                }
            }
        }
        sStart[pixels] = s;
        if (h > 0) {
            addDense(d, pixels, dense, m);
        }
        addSparse(sStart, sChannel, sU, s, d, dense, channels, m);
    }

    /**
     * The dense set H, ascending: the channels with the most counts, as many as minimise the
     * estimated time of the three parts (pixel pairs assumed independent across channels).
     */
    static int[] denseChannels(int[] count, int pixels, int channels) {
        int[] order = byCountDescending(count, channels);
        double total = 0;
        for (int c = 0; c < channels; c++) {
            total += count[c];
        }
        double dense = BLAS.getInstance() instanceof NativeBLAS ? NATIVE_DENSE : JAVA_DENSE;
        double best = Double.POSITIVE_INFINITY;
        int bestSize = 0;
        double inH = 0;
        int occupied = 0;
        for (int c = 0; c < channels; c++) {
            occupied += count[c] > 0 ? 1 : 0;
        }
        for (int size = 0; size <= channels && (size == 0 || count[order[size - 1]] > 0); size++) {
            if (size > 0) {
                inH += count[order[size - 1]];
            }
            double kh = inH / pixels;
            double ks = (total - inH) / pixels;
            double cost = pixels * (dense * size * (double) size / 2 + LANE_PAIR * kh * ks
                    + SCALAR_PAIR * ks * ks / 2) + FLUSH * (occupied - size) * (double) size;
            if (cost < best) {
                best = cost;
                bestSize = size;
            }
        }
        int[] h = new int[bestSize];
        for (int j = 0; j < bestSize; j++) {
            h[j] = order[j];
        }
        Arrays.sort(h);
        return h;
    }

    /**
     * Channels by count, largest first, ties in channel order: one primitive sort of (−count, channel)
     * keys (a comparator over boxed channels took 6 % of the kernel's time).
     */
    private static int[] byCountDescending(int[] count, int channels) {
        long[] keys = new long[channels];
        for (int c = 0; c < channels; c++) {
            keys[c] = ((long) -count[c] << 32) | c;
        }
        Arrays.sort(keys);
        int[] order = new int[channels];
        for (int c = 0; c < channels; c++) {
            order[c] = (int) keys[c];
        }
        return order;
    }

    /** H × H: D (pixel rows of |H|, so column-major |H| × pixels) times its transpose by one {@code dsyrk}, added to M. */
    private static void addDense(double[] d, int pixels, int[] dense, double[] m) {
        int h = dense.length;
        double[] g = new double[h * h];
        BLAS.getInstance().dsyrk("U", "N", h, pixels, 1.0, d, h, 0.0, g, h);
        for (int j = 0; j < h; j++) {
            int at = GramKernels.packed(0, dense[j]);
            for (int i = 0; i <= j; i++) {
                m[at + dense[i]] += g[i + j * h];
            }
        }
    }

    /** S × H and S × S, channel by channel over S. */
    private static void addSparse(int[] sStart, int[] sChannel, double[] sU, int entries, double[] d, int[] dense,
            int channels, double[] m) {
        int pixels = sStart.length - 1;
        int h = dense.length;
        // the S entries grouped by channel, pixel order within a channel; each entry's pixel
        int[] pixelOf = new int[entries];
        int[] channelStart = new int[channels + 1];
        for (int n = 0; n < pixels; n++) {
            for (int i = sStart[n]; i < sStart[n + 1]; i++) {
                pixelOf[i] = n;
                channelStart[sChannel[i] + 1]++;
            }
        }
        for (int c = 0; c < channels; c++) {
            channelStart[c + 1] += channelStart[c];
        }
        int[] byChannel = new int[entries];
        int[] fill = Arrays.copyOf(channelStart, channels);
        for (int i = 0; i < entries; i++) {
            byChannel[fill[sChannel[i]]++] = i;
        }
        double[] sums = new double[h];
        int[] denseColumn = new int[h];
        for (int j = 0; j < h; j++) {
            denseColumn[j] = GramKernels.packed(0, dense[j]);
        }
        int bound = LANES.loopBound(h);
        for (int c = 0; c < channels; c++) {
            int from = channelStart[c];
            int to = channelStart[c + 1];
            if (from == to) {
                continue;
            }
            int col = GramKernels.packed(0, c);
            for (int p = from; p < to; p++) {
                int i = byChannel[p];
                int n = pixelOf[i];
                double ui = sU[i];
                // S × S: this pixel's S non-zeros at channels ≤ c, into column c of M
                for (int j = sStart[n]; j <= i; j++) {
                    m[col + sChannel[j]] += ui * sU[j];
                }
                // S × H: u_nc · D[n, :]
                if (h > 0) {
                    DoubleVector scale = DoubleVector.broadcast(LANES, ui);
                    int row = n * h;
                    int j = 0;
                    for (; j < bound; j += LANES.length()) {
                        DoubleVector.fromArray(LANES, d, row + j).fma(scale, DoubleVector.fromArray(LANES, sums, j))
                                .intoArray(sums, j);
                    }
                    for (; j < h; j++) {
                        sums[j] += ui * d[row + j];
                    }
                }
            }
            // pair (c, dense[j]) sits in column c above the diagonal, in column dense[j] below it
            for (int j = 0; j < h; j++) {
                int r = dense[j];
                m[r < c ? col + r : denseColumn[j] + c] += sums[j];
                sums[j] = 0;
            }
        }
    }
}
