package org.sicube.transforms.synthetic;

import java.util.ArrayList;
import java.util.List;

/**
 * Small discs of a rare phase at seeded positions: {@code count} discs of radius {@code radius}
 * pixels (pixels with dy² + dx² ≤ r²; radius 0 is a single pixel), wholly inside the image and
 * never touching each other, so the rare pixel count is exactly count × {@link #discPixels}.
 * Membership is answered through a coarse bucket grid: O(1) per pixel.
 */
public final class Inclusions {

    private static final int STREAM = 101;
    private final int radius;
    private final int[] cy;
    private final int[] cx;
    private final int bucket;
    private final int bucketsX;
    private final int[][] buckets;

    public Inclusions(int height, int width, int count, int radius, long seed) {
        if (count < 0 || radius < 0) {
            throw new IllegalArgumentException("inclusion count and radius must be >= 0, got " + count + ", " + radius);
        }
        this.radius = radius;
        this.cy = new int[count];
        this.cx = new int[count];
        int span = 2 * radius + 1;
        if (count > 0 && (height < span || width < span)) {
            throw new IllegalArgumentException("an inclusion of radius " + radius + " does not fit a "
                    + height + "x" + width + " image");
        }
        PixelRandom r = new PixelRandom(PixelRandom.pixelKey(seed, STREAM, 0, 0));
        long attempts = 0;
        long maxAttempts = 1000L * count + 1000;
        for (int k = 0; k < count; ) {
            if (++attempts > maxAttempts) {
                throw new IllegalArgumentException("cannot place " + count + " separate inclusions of radius "
                        + radius + " in a " + height + "x" + width + " image");
            }
            int y = radius + (int) (r.nextDouble() * (height - 2 * radius));
            int x = radius + (int) (r.nextDouble() * (width - 2 * radius));
            if (clear(y, x, k)) {
                cy[k] = y;
                cx[k] = x;
                k++;
            }
        }
        this.bucket = Math.max(32, span);
        int by = (height + bucket - 1) / bucket;
        this.bucketsX = (width + bucket - 1) / bucket;
        List<List<Integer>> lists = new ArrayList<>();
        for (int i = 0; i < by * bucketsX; i++) {
            lists.add(new ArrayList<>());
        }
        for (int k = 0; k < count; k++) {
            for (int b = (cy[k] - radius) / bucket; b <= (cy[k] + radius) / bucket; b++) {
                for (int a = (cx[k] - radius) / bucket; a <= (cx[k] + radius) / bucket; a++) {
                    lists.get(b * bucketsX + a).add(k);
                }
            }
        }
        this.buckets = new int[lists.size()][];
        for (int i = 0; i < lists.size(); i++) {
            buckets[i] = lists.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /** Pixels in one disc of radius r: the lattice points with dy² + dx² ≤ r². */
    public static int discPixels(int r) {
        int n = 0;
        for (int dy = -r; dy <= r; dy++) {
            for (int dx = -r; dx <= r; dx++) {
                if (dy * dy + dx * dx <= r * r) {
                    n++;
                }
            }
        }
        return n;
    }

    public int count() {
        return cy.length;
    }

    public boolean contains(int y, int x) {
        int[] list = buckets[(y / bucket) * bucketsX + x / bucket];
        for (int k : list) {
            int dy = y - cy[k];
            int dx = x - cx[k];
            if (dy * dy + dx * dx <= radius * radius) {
                return true;
            }
        }
        return false;
    }

    /** All inclusion pixels as y · width + x, sorted ascending. */
    public long[] pixels(int width) {
        long[] out = new long[count() * discPixels(radius)];
        int n = 0;
        for (int k = 0; k < count(); k++) {
            for (int dy = -radius; dy <= radius; dy++) {
                for (int dx = -radius; dx <= radius; dx++) {
                    if (dy * dy + dx * dx <= radius * radius) {
                        out[n++] = (long) (cy[k] + dy) * width + (cx[k] + dx);
                    }
                }
            }
        }
        java.util.Arrays.sort(out);
        return out;
    }

    private boolean clear(int y, int x, int placed) {
        // Centres more than 2r + 1 apart: discs neither overlap nor touch.
        long minSq = (long) (2 * radius + 2) * (2 * radius + 2);
        for (int k = 0; k < placed; k++) {
            long dy = y - cy[k];
            long dx = x - cx[k];
            if (dy * dy + dx * dx < minSq) {
                return false;
            }
        }
        return true;
    }
}
