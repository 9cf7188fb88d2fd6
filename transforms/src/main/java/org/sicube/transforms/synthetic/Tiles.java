package org.sicube.transforms.synthetic;

/**
 * Fills a tile of a generated image pixel by pixel, in the pixel-block layout: pixel (y, x) of the
 * h × w tile at (y0, x0) starts at ((y − y0) · w + (x − x0)) · channels in {@code out}.
 */
final class Tiles {
    /** Writes one pixel's spectrum at {@code out[offset .. offset + channels)}. */
    interface PixelFill {
        void pixel(int y, int x, float[] out, int offset);
    }

    private Tiles() {
    }

    static void fill(int height, int width, int channels, int y0, int x0, int h, int w, float[] out, PixelFill f) {
        if (y0 < 0 || x0 < 0 || h <= 0 || w <= 0 || y0 + h > height || x0 + w > width) {
            throw new IllegalArgumentException("tile (" + y0 + ", " + x0 + ") " + h + "x" + w
                    + " is outside the " + height + "x" + width + " image");
        }
        if (out.length < (long) h * w * channels) {
            throw new IllegalArgumentException("tile buffer holds " + out.length + " values, needs " + (long) h * w * channels);
        }
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                f.pixel(y, x, out, ((y - y0) * w + (x - x0)) * channels);
            }
        }
    }
}
