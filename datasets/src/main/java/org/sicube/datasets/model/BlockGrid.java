package org.sicube.datasets.model;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The tiling of an {@code ny × nx} image into blocks of {@code blockHeight × blockWidth} pixels in
 * row-major order; blocks on the right and bottom edges are cut to the image.
 */
public record BlockGrid(int ny, int nx, int blockHeight, int blockWidth) implements Serializable {

    public BlockGrid {
        if (ny <= 0 || nx <= 0 || blockHeight <= 0 || blockWidth <= 0) {
            throw new IllegalArgumentException("image " + ny + "x" + nx + " and block " + blockHeight + "x"
                    + blockWidth + " must all be positive");
        }
    }

    /** One tile: its top-left pixel and its size. */
    public record Tile(int y0, int x0, int height, int width) implements Serializable {
        public int pixels() {
            return height * width;
        }
    }

    public int rows() {
        return (ny + blockHeight - 1) / blockHeight;
    }

    public int columns() {
        return (nx + blockWidth - 1) / blockWidth;
    }

    public int size() {
        return rows() * columns();
    }

    public Tile tile(int index) {
        int r = index / columns();
        int c = index % columns();
        int y0 = r * blockHeight;
        int x0 = c * blockWidth;
        return new Tile(y0, x0, Math.min(blockHeight, ny - y0), Math.min(blockWidth, nx - x0));
    }

    public List<Tile> tiles() {
        List<Tile> out = new ArrayList<>(size());
        for (int i = 0; i < size(); i++) {
            out.add(tile(i));
        }
        return out;
    }

    /** Parses a block size {@code "32x32"} (height × width, at most 65536 pixels). */
    public static int[] parseBlockSize(String text) {
        return parseSize(text, "block size", 1 << 16);
    }

    /** Parses {@code "HEIGHTxWIDTH"} with positive numbers and at most {@code maxPixels} pixels; {@code what} names it in errors. */
    public static int[] parseSize(String text, String what, long maxPixels) {
        String[] p = text.toLowerCase(java.util.Locale.ROOT).split("x");
        try {
            if (p.length == 2) {
                int h = Integer.parseInt(p[0].trim());
                int w = Integer.parseInt(p[1].trim());
                if (h > 0 && w > 0 && (long) h * w <= maxPixels) {
                    return new int[] {h, w};
                }
            }
        } catch (NumberFormatException e) {
            // reported below with the expected form
        }
        throw new IllegalArgumentException(what + " '" + text + "' must look like HEIGHTxWIDTH with positive numbers and at most "
                + maxPixels + " pixels, e.g. 32x32");
    }
}
