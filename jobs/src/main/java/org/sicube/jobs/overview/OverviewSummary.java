package org.sicube.jobs.overview;

import java.io.Serializable;
import java.util.Arrays;
import org.sicube.datasets.model.PixelBlock;

/**
 * One pass over the blocks for a first look at a spectrum image: the sum spectrum ({@code E}
 * doubles) and the total-counts map binned to at most {@code maxSide} cells a side, so the driver
 * holds {@code E + maxSide²} numbers whatever the image size. An accumulator: {@link #add},
 * {@link #merge}, then {@link #meanCountsMap()} and {@link #sumSpectrum()}. Cells are kept as a
 * sparse list per partition (each partition touches few cells) and made dense at the end.
 */
public final class OverviewSummary implements Serializable {
    private final int ny;
    private final int nx;
    private final int bin;
    private final double[] spectrum;
    private int[] cells = new int[0];
    private double[] sums = new double[0];
    private int size;

    public OverviewSummary(int ny, int nx, int channels, int maxSide) {
        this.ny = ny;
        this.nx = nx;
        this.bin = Math.max(1, (Math.max(ny, nx) + maxSide - 1) / maxSide);
        this.spectrum = new double[channels];
    }

    /** Pixels per map cell along each axis (1 unless the image is larger than the map). */
    public int bin() {
        return bin;
    }

    public int mapHeight() {
        return (ny + bin - 1) / bin;
    }

    public int mapWidth() {
        return (nx + bin - 1) / bin;
    }

    public OverviewSummary add(PixelBlock b) {
        float[] c = b.counts();
        int channels = b.channels();
        int lastCell = -1;
        for (int y = b.y0(); y < b.y0() + b.height(); y++) {
            for (int x = b.x0(); x < b.x0() + b.width(); x++) {
                int base = b.offsetOf(y, x);
                double total = 0;
                for (int e = 0; e < channels; e++) {
                    spectrum[e] += c[base + e];
                    total += c[base + e];
                }
                int cell = (y / bin) * mapWidth() + x / bin;
                if (cell == lastCell) {
                    sums[size - 1] += total;
                } else {
                    append(cell, total);
                    lastCell = cell;
                }
            }
        }
        return this;
    }

    public OverviewSummary merge(OverviewSummary o) {
        for (int e = 0; e < spectrum.length; e++) {
            spectrum[e] += o.spectrum[e];
        }
        for (int i = 0; i < o.size; i++) {
            append(o.cells[i], o.sums[i]);
        }
        compactIfLarge();
        return this;
    }

    public double[] sumSpectrum() {
        return spectrum.clone();
    }

    /** Mean total counts per pixel in each cell, row-major {@code mapHeight × mapWidth}. */
    public double[] meanCountsMap() {
        double[] map = new double[mapHeight() * mapWidth()];
        for (int i = 0; i < size; i++) {
            map[cells[i]] += sums[i];
        }
        for (int r = 0; r < mapHeight(); r++) {
            int h = Math.min(bin, ny - r * bin);
            for (int c = 0; c < mapWidth(); c++) {
                int w = Math.min(bin, nx - c * bin);
                map[r * mapWidth() + c] /= (double) h * w;
            }
        }
        return map;
    }

    private void append(int cell, double total) {
        if (size == cells.length) {
            int n = Math.max(16, size * 2);
            cells = Arrays.copyOf(cells, n);
            sums = Arrays.copyOf(sums, n);
        }
        cells[size] = cell;
        sums[size++] = total;
    }

    /** Keeps merged lists no longer than the dense map: beyond that, fold duplicates together. */
    private void compactIfLarge() {
        int dense = mapHeight() * mapWidth();
        if (size <= 2 * dense) {
            return;
        }
        double[] map = new double[dense];
        boolean[] seen = new boolean[dense];
        for (int i = 0; i < size; i++) {
            map[cells[i]] += sums[i];
            seen[cells[i]] = true;
        }
        size = 0;
        for (int cell = 0; cell < dense; cell++) {
            if (seen[cell]) {
                append(cell, map[cell]);
            }
        }
    }
}
