package org.sicube.datasets.formats;

import java.io.IOException;
import org.sicube.datasets.model.PixelBlock;

/** Test helper: reads a whole spectrum image through tiles of a given size (crossing the image edge). */
public final class Tiles {
    private Tiles() {
    }

    /** The cube as a flat {@code (y, x, E)} array assembled from {@code th x tw} tiles. */
    public static float[] readAll(SpectrumImageReader r, int th, int tw) throws IOException {
        int ny = r.header().ny();
        int nx = r.header().nx();
        int c = r.header().channels();
        float[] cube = new float[ny * nx * c];
        for (int y0 = 0; y0 < ny; y0 += th) {
            for (int x0 = 0; x0 < nx; x0 += tw) {
                PixelBlock b = r.readBlock(y0, x0, Math.min(th, ny - y0), Math.min(tw, nx - x0));
                for (int y = b.y0(); y < b.y0() + b.height(); y++) {
                    for (int x = b.x0(); x < b.x0() + b.width(); x++) {
                        System.arraycopy(b.counts(), b.offsetOf(y, x), cube, (y * nx + x) * c, c);
                    }
                }
            }
        }
        return cube;
    }

    public static double sum(float[] values) {
        double s = 0;
        for (float v : values) {
            s += v;
        }
        return s;
    }
}
