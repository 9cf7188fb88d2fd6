package org.sicube.jobs.overview;

import java.io.Serializable;
import org.sicube.datasets.model.PixelBlock;
import org.sicube.jobs.maps.BinnedMaps;

/**
 * One pass over the blocks for a first look at a spectrum image: the sum spectrum ({@code E}
 * doubles) and the total-counts map binned to at most {@code maxSide} cells a side, so the driver
 * holds {@code E + maxSide²} numbers whatever the image size. An accumulator: {@link #add},
 * {@link #merge}, then {@link #meanCountsMap()} and {@link #sumSpectrum()}. The map is a one-layer
 * {@link BinnedMaps}.
 */
public final class OverviewSummary implements Serializable {
    private final double[] spectrum;
    private final BinnedMaps map;

    public OverviewSummary(int ny, int nx, int channels, int maxSide) {
        this.spectrum = new double[channels];
        this.map = new BinnedMaps(ny, nx, 1, maxSide);
    }

    /** Pixels per map cell along each axis (1 unless the image is larger than the map). */
    public int bin() {
        return map.bin();
    }

    public int mapHeight() {
        return map.mapHeight();
    }

    public int mapWidth() {
        return map.mapWidth();
    }

    public OverviewSummary add(PixelBlock b) {
        float[] c = b.counts();
        int channels = b.channels();
        double[] total = new double[1];
        for (int y = b.y0(); y < b.y0() + b.height(); y++) {
            for (int x = b.x0(); x < b.x0() + b.width(); x++) {
                int base = b.offsetOf(y, x);
                double t = 0;
                for (int e = 0; e < channels; e++) {
                    spectrum[e] += c[base + e];
                    t += c[base + e];
                }
                total[0] = t;
                map.add(y, x, total, 0);
            }
        }
        return this;
    }

    public OverviewSummary merge(OverviewSummary o) {
        for (int e = 0; e < spectrum.length; e++) {
            spectrum[e] += o.spectrum[e];
        }
        map.merge(o.map);
        return this;
    }

    public double[] sumSpectrum() {
        return spectrum.clone();
    }

    /** Mean total counts per pixel in each cell, row-major {@code mapHeight × mapWidth}. */
    public double[] meanCountsMap() {
        return map.meanMap(0);
    }
}
