package org.sicube.transforms.spatial;

/**
 * Builds a block's padded tile for {@link NeighbourhoodMean}: its own field in the middle and, in
 * the halo of width R, the values of the neighbouring blocks read from their {@link BlockRim}s.
 * Blocks tile an ny × nx image on a regular grid of {@code blockHeight × blockWidth} from (0, 0)
 * (the last row and column may be smaller); a block smaller than R just means more neighbours.
 */
public final class HaloAssembly {

    /** The rim of the block whose top-left pixel is (y0, x0) (see {@link BlockRim#extract}). */
    public interface Rims {
        double[] rim(int y0, int x0);
    }

    private final int ny;
    private final int nx;
    private final int blockHeight;
    private final int blockWidth;
    private final int radius;
    private final int features;

    public HaloAssembly(int ny, int nx, int blockHeight, int blockWidth, int radius, int features) {
        this.ny = ny;
        this.nx = nx;
        this.blockHeight = blockHeight;
        this.blockWidth = blockWidth;
        this.radius = radius;
        this.features = features;
    }

    /** Fills {@code padded} ((h + 2R) × (w + 2R) × F, NaN beforehand) for the block at (y0, x0) of size h × w. */
    public void fill(int y0, int x0, int h, int w, double[] own, Rims rims, double[] padded) {
        int pw = w + 2 * radius;
        for (int y = 0; y < h; y++) {
            System.arraycopy(own, y * w * features, padded, ((y + radius) * pw + radius) * features, w * features);
        }
        int top = Math.max(0, y0 - radius);
        int bottom = Math.min(ny, y0 + h + radius);
        int left = Math.max(0, x0 - radius);
        int right = Math.min(nx, x0 + w + radius);
        for (int by = top / blockHeight; by * blockHeight < bottom; by++) {
            for (int bx = left / blockWidth; bx * blockWidth < right; bx++) {
                int oy = by * blockHeight;
                int ox = bx * blockWidth;
                if (oy == y0 && ox == x0) {
                    continue;
                }
                copyNeighbour(oy, ox, rims.rim(oy, ox), y0, x0, h, w, top, bottom, left, right, padded);
            }
        }
    }

    private void copyNeighbour(int oy, int ox, double[] rim, int y0, int x0, int h, int w, int top, int bottom,
            int left, int right, double[] padded) {
        int oh = Math.min(blockHeight, ny - oy);
        int ow = Math.min(blockWidth, nx - ox);
        BlockRim shape = new BlockRim(oh, ow, radius, features);
        if (rim == null || rim.length != shape.pixels() * features) {
            throw new IllegalStateException("no rim of " + oh + "x" + ow + " pixels for the block at (" + oy + ", "
                    + ox + ")");
        }
        int pw = w + 2 * radius;
        for (int y = Math.max(top, oy); y < Math.min(bottom, oy + oh); y++) {
            for (int x = Math.max(left, ox); x < Math.min(right, ox + ow); x++) {
                int src = shape.index(y - oy, x - ox) * features;
                int dst = ((y - y0 + radius) * pw + x - x0 + radius) * features;
                System.arraycopy(rim, src, padded, dst, features);
            }
        }
    }
}
