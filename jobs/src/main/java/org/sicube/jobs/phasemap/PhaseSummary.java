package org.sicube.jobs.phasemap;

import java.io.Serializable;
import java.util.Arrays;
import org.sicube.datasets.model.BlockNonZeros;
import org.sicube.jobs.maps.BinnedMaps;

/**
 * The labelled blocks summed: per phase the pixel count and the sum spectrum
 * ({@code P × E} doubles), the weighted-score maps ({@link BinnedMaps}, K layers) and a
 * display-bounded label map holding the label of the top-left pixel of each display cell. The
 * driver holds {@code P·E + (K + 1)·cells} numbers whatever the image size.
 */
public final class PhaseSummary implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int phases;
    private final int channels;
    private final double[] sums;
    private final long[] pixels;
    private final BinnedMaps scores;
    private int[] cells = new int[0];
    private int[] cellLabels = new int[0];
    private int size;

    public PhaseSummary(int ny, int nx, int phases, int channels, int components, int maxSide) {
        this.phases = phases;
        this.channels = channels;
        this.sums = new double[phases * channels];
        this.pixels = new long[phases + 1];
        this.scores = new BinnedMaps(ny, nx, Math.max(1, components), maxSide);
    }

    /** A block with its weighted scores (pixel-major, K per pixel) and phase labels. */
    public record Labelled(BlockNonZeros block, double[] scores, int[] labels) {
    }

    public PhaseSummary add(Labelled labelled) {
        BlockNonZeros b = labelled.block();
        double[] s = labelled.scores();
        int[] labels = labelled.labels();
        int k = s.length / b.pixels();
        int[] start = b.start();
        int[] channel = b.channel();
        float[] value = b.value();
        int bin = scores.bin();
        for (int r = 0; r < b.height(); r++) {
            for (int col = 0; col < b.width(); col++) {
                int n = r * b.width() + col;
                int y = b.y0() + r;
                int x = b.x0() + col;
                int label = labels[n];
                if (label == PhaseModel.UNASSIGNED) {
                    pixels[phases]++;
                } else {
                    pixels[label]++;
                    for (int i = start[n], dst = label * channels; i < start[n + 1]; i++) {
                        sums[dst + channel[i]] += value[i];
                    }
                }
                if (k > 0) {
                    scores.add(y, x, s, n * k);
                }
                if (y % bin == 0 && x % bin == 0) {
                    appendCell((y / bin) * scores.mapWidth() + x / bin, label);
                }
            }
        }
        return this;
    }

    public PhaseSummary merge(PhaseSummary o) {
        for (int i = 0; i < sums.length; i++) {
            sums[i] += o.sums[i];
        }
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] += o.pixels[i];
        }
        scores.merge(o.scores);
        for (int i = 0; i < o.size; i++) {
            appendCell(o.cells[i], o.cellLabels[i]);
        }
        return this;
    }

    private void appendCell(int cell, int label) {
        if (size == cells.length) {
            int n = Math.max(16, size * 2);
            cells = Arrays.copyOf(cells, n);
            cellLabels = Arrays.copyOf(cellLabels, n);
        }
        cells[size] = cell;
        cellLabels[size++] = label;
    }

    /** Pixels of phase p (p = P: pixels without a phase). */
    public long pixels(int p) {
        return pixels[p];
    }

    /** Mean spectrum of phase p over its pixels, counts per channel (zeros for an empty phase). */
    public double[] meanSpectrum(int p) {
        double[] m = Arrays.copyOfRange(sums, p * channels, (p + 1) * channels);
        if (pixels[p] > 0) {
            for (int e = 0; e < channels; e++) {
                m[e] /= pixels[p];
            }
        }
        return m;
    }

    /** Label of each display cell's top-left pixel, row-major; -1 for pixels without a phase. */
    public int[] displayLabels() {
        int[] map = new int[scores.mapHeight() * scores.mapWidth()];
        Arrays.fill(map, -1);
        for (int i = 0; i < size; i++) {
            map[cells[i]] = cellLabels[i] == PhaseModel.UNASSIGNED ? -1 : cellLabels[i];
        }
        return map;
    }

    public BinnedMaps scores() {
        return scores;
    }
}
