package org.sicube.jobs.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;

/** Reads what jobs write (labels, spectra CSVs) and the synthetic ground truth ({@code STORE/truth/}) in tests. */
public final class RunFiles {
    private RunFiles() {
    }

    /** A uint8 {@code .npy} vector of n values, e.g. {@code truth/labels.npy}. */
    public static int[] readUint8Npy(Path npy, int n) throws Exception {
        byte[] all = Files.readAllBytes(npy);
        int headerLength = (all[8] & 0xFF) | (all[9] & 0xFF) << 8;
        assertTrue(new String(all, 10, headerLength, StandardCharsets.US_ASCII).contains("'|u1'"));
        assertEquals(10 + headerLength + n, all.length);
        int[] v = new int[n];
        for (int i = 0; i < n; i++) {
            v[i] = all[10 + headerLength + i] & 0xFF;
        }
        return v;
    }

    /** Phase labels from the phasemap's Parquet dataset, placed at their blocks' positions; every pixel exactly once. */
    public static int[] readLabels(Path labels, int ny, int nx) {
        int[] map = new int[ny * nx];
        Arrays.fill(map, -1);
        for (Row r : TestSpark.get().read().parquet(labels.toString()).collectAsList()) {
            int y0 = r.getInt(0);
            int x0 = r.getInt(1);
            int h = r.getInt(2);
            int w = r.getInt(3);
            byte[] b = (byte[]) r.get(4);
            assertEquals(h * w, b.length);
            for (int i = 0; i < b.length; i++) {
                int at = (y0 + i / w) * nx + x0 + i % w;
                assertEquals(-1, map[at], "pixel labelled twice");
                map[at] = b[i] & 0xFF;
            }
        }
        for (int v : map) {
            assertTrue(v >= 0 && v < 255, "unlabelled pixel");
        }
        return map;
    }

    /** The k value columns after the channel and energy columns of a spectra CSV, as [column][channel]. */
    public static double[][] readColumns(Path csv, int k, int channels) throws Exception {
        List<String> lines = Files.readAllLines(csv);
        assertEquals(channels + 1, lines.size(), csv.toString());
        double[][] v = new double[k][channels];
        for (int e = 0; e < channels; e++) {
            String[] f = lines.get(e + 1).split(",");
            assertEquals(2 + k, f.length, csv + " line " + (e + 2));
            for (int c = 0; c < k; c++) {
                v[c][e] = Double.parseDouble(f[2 + c]);
            }
        }
        return v;
    }
}
