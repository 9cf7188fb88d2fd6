package org.sicube.jobs.maps;

import java.io.Serializable;
import java.util.Arrays;

/**
 * A mergeable accumulator of {@code layers} per-pixel maps (total counts, K score maps, ...) binned
 * to at most {@code maxSide} cells a side, so the driver holds {@code layers × maxSide²} numbers
 * whatever the image size. Pixels are added with {@link #add}; each cell keeps the sum of its
 * pixels' values, and {@link #meanMap} divides by the pixels the cell covers. Cells are kept as a
 * sparse list (a partition touches few cells; consecutive pixels of one cell share an entry) whose
 * duplicate cells are folded into one entry whenever it doubles past its last folded size, so a
 * partition's maps (its task result) hold at most about twice the cells it touched. A map made by
 * {@link #ofMax} keeps the largest value per cell instead ({@link #maxMap}): a single anomalous
 * pixel stays visible however many pixels share its cell.
 */
public final class BinnedMaps implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int ny;
    private final int nx;
    private final int layers;
    private final int bin;
    private final boolean max;
    private int[] cells = new int[0];
    private double[] sums = new double[0];
    private int size;
    /** Entries at which the list is next folded. */
    private int foldAt = FOLD_MIN;
    private static final int FOLD_MIN = 1 << 16;

    public BinnedMaps(int ny, int nx, int layers, int maxSide) {
        this(ny, nx, layers, maxSide, false);
    }

    /** Maps whose cells keep the largest value of their pixels. */
    public static BinnedMaps ofMax(int ny, int nx, int layers, int maxSide) {
        return new BinnedMaps(ny, nx, layers, maxSide, true);
    }

    private BinnedMaps(int ny, int nx, int layers, int maxSide, boolean max) {
        if (ny <= 0 || nx <= 0 || layers <= 0 || maxSide <= 0) {
            throw new IllegalArgumentException("maps of " + ny + "x" + nx + " pixels, " + layers
                    + " layers, at most " + maxSide + " cells a side");
        }
        this.ny = ny;
        this.nx = nx;
        this.layers = layers;
        this.bin = binFor(ny, nx, maxSide);
        this.max = max;
    }

    /** Pixels per cell along each axis for an image of {@code ny × nx} shown at most {@code maxSide} cells a side. */
    public static int binFor(int ny, int nx, int maxSide) {
        return Math.max(1, (Math.max(ny, nx) + maxSide - 1) / maxSide);
    }

    /** Pixels per map cell along each axis (1 unless the image is larger than the map). */
    public int bin() {
        return bin;
    }

    public int layers() {
        return layers;
    }

    public int mapHeight() {
        return (ny + bin - 1) / bin;
    }

    public int mapWidth() {
        return (nx + bin - 1) / bin;
    }

    /** Adds pixel (y, x)'s values {@code values[offset .. offset + layers)}. */
    public BinnedMaps add(int y, int x, double[] values, int offset) {
        int cell = (y / bin) * mapWidth() + x / bin;
        int at;
        if (size > 0 && cells[size - 1] == cell) {
            at = size - 1;
        } else {
            at = append(cell);
        }
        for (int l = 0; l < layers; l++) {
            int i = at * layers + l;
            sums[i] = max ? Math.max(sums[i], values[offset + l]) : sums[i] + values[offset + l];
        }
        return this;
    }

    /** Adds a single-layer value for pixel (y, x). */
    public BinnedMaps add(int y, int x, double value) {
        return add(y, x, new double[] {value}, 0);
    }

    public BinnedMaps merge(BinnedMaps o) {
        if (o.ny != ny || o.nx != nx || o.layers != layers || o.bin != bin || o.max != max) {
            throw new IllegalArgumentException("cannot merge maps of different shapes");
        }
        for (int i = 0; i < o.size; i++) {
            int at = append(o.cells[i]);
            System.arraycopy(o.sums, i * layers, sums, at * layers, layers);
        }
        return this;
    }

    /** Mean value per pixel of layer {@code layer} in each cell, row-major {@code mapHeight × mapWidth}. */
    public double[] meanMap(int layer) {
        double[] map = new double[mapHeight() * mapWidth()];
        for (int i = 0; i < size; i++) {
            map[cells[i]] += sums[i * layers + layer];
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

    /** Largest value of layer {@code layer} in each cell (maps made by {@link #ofMax}); NaN where no pixel was added. */
    public double[] maxMap(int layer) {
        if (!max) {
            throw new IllegalStateException("these maps keep sums; make them with BinnedMaps.ofMax");
        }
        double[] map = new double[mapHeight() * mapWidth()];
        Arrays.fill(map, Double.NaN);
        for (int i = 0; i < size; i++) {
            double v = sums[i * layers + layer];
            map[cells[i]] = Double.isNaN(map[cells[i]]) ? v : Math.max(map[cells[i]], v);
        }
        return map;
    }

    /** All layers' mean maps stacked, row-major {@code layers × mapHeight × mapWidth}. */
    public double[] meanMaps() {
        int cellsPerMap = mapHeight() * mapWidth();
        double[] all = new double[layers * cellsPerMap];
        for (int l = 0; l < layers; l++) {
            System.arraycopy(meanMap(l), 0, all, l * cellsPerMap, cellsPerMap);
        }
        return all;
    }

    private int append(int cell) {
        if (size == cells.length) {
            int n = Math.max(16, size * 2);
            cells = Arrays.copyOf(cells, n);
            sums = Arrays.copyOf(sums, n * layers);
        }
        if (size >= foldAt) {
            fold();
            foldAt = Math.max(FOLD_MIN, 2 * size);
            if (size == cells.length) {
                int n = Math.max(16, size * 2);
                cells = Arrays.copyOf(cells, n);
                sums = Arrays.copyOf(sums, n * layers);
            }
        }
        cells[size] = cell;
        Arrays.fill(sums, size * layers, (size + 1) * layers, max ? Double.NEGATIVE_INFINITY : 0.0);
        return size++;
    }

    /** One entry per cell, cells ascending; a cell's values combined in the order they were added. */
    private void fold() {
        long[] order = new long[size];
        for (int i = 0; i < size; i++) {
            order[i] = ((long) cells[i] << 32) | i;
        }
        Arrays.sort(order);
        int[] newCells = new int[cells.length];
        double[] newSums = new double[sums.length];
        int n = -1;
        for (long o : order) {
            int cell = (int) (o >>> 32);
            int i = (int) o;
            if (n < 0 || newCells[n] != cell) {
                newCells[++n] = cell;
                System.arraycopy(sums, i * layers, newSums, n * layers, layers);
            } else {
                for (int l = 0; l < layers; l++) {
                    int at = n * layers + l;
                    double v = sums[i * layers + l];
                    newSums[at] = max ? Math.max(newSums[at], v) : newSums[at] + v;
                }
            }
        }
        cells = newCells;
        sums = newSums;
        size = n + 1;
    }
}
