package org.sicube.jobs.preprocess;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;
import org.apache.spark.sql.Row;

/**
 * The small per-block results of the map pass gathered on the driver (through an accumulator, in
 * the same pass that writes the blocks): each block's total and, when the maps are small enough to
 * collect, its map values. Entries a re-run task sent twice are kept once; they are ordered by
 * block so that the total is summed in the same order in every run.
 */
final class MapBlocks {
    /** Map values (pixels × maps) collected on the driver at most: 256 MB as float32. */
    static final long MAX_VALUES = 1L << 26;

    /** One block's side output: its position, the sum of its processed values and {@code maps[m][pixel]} (or null). */
    record Entry(int y0, int x0, int height, int width, double total, float[][] maps) implements Serializable {
    }

    private final TreeMap<Long, Entry> byBlock = new TreeMap<>();

    MapBlocks(Collection<Entry> entries) {
        for (Entry e : entries) {
            byBlock.putIfAbsent(((long) e.y0() << 32) | e.x0(), e);
        }
    }

    /** True when a pipeline with these maps collects them on the driver for an image of {@code spectra} pixels. */
    static boolean collects(long spectra, List<String> names) {
        return spectra * names.size() <= MAX_VALUES;
    }

    /** The sum of the block totals, in block order. */
    double total() {
        double t = 0;
        for (Entry e : byBlock.values()) {
            t += e.total();
        }
        return t;
    }

    /** The entries in block order. */
    Collection<Entry> entries() {
        return byBlock.values();
    }

    /** Map {@code m} as an ny × nx image (row-major), NaN where no block holds a value. */
    double[] image(int m, int ny, int nx) {
        double[] img = new double[ny * nx];
        Arrays.fill(img, Double.NaN);
        for (Entry e : byBlock.values()) {
            float[] v = e.maps()[m];
            for (int i = 0; i < v.length; i++) {
                img[(e.y0() + i / e.width()) * nx + e.x0() + i % e.width()] = v[i];
            }
        }
        return img;
    }

    /** The maps read back from {@code maps/} rows (for pipelines whose maps are not collected). */
    static MapBlocks fromRows(List<Row> rows, List<String> names) {
        TreeMap<Long, float[][]> maps = new TreeMap<>();
        TreeMap<Long, int[]> where = new TreeMap<>();
        for (Row r : rows) {
            long key = ((long) r.getInt(0) << 32) | r.getInt(1);
            where.put(key, new int[] {r.getInt(0), r.getInt(1), r.getInt(2), r.getInt(3)});
            List<Float> v = r.getList(5);
            float[] values = new float[v.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = v.get(i);
            }
            maps.computeIfAbsent(key, k -> new float[names.size()][])[names.indexOf(r.getString(4))] = values;
        }
        List<Entry> entries = new ArrayList<>();
        where.forEach((k, b) -> entries.add(new Entry(b[0], b[1], b[2], b[3], 0, maps.get(k))));
        return new MapBlocks(entries);
    }
}
