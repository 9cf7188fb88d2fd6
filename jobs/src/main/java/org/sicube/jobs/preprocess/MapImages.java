package org.sicube.jobs.preprocess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.sicube.datasets.model.SpectrumImage;
import org.sicube.datasets.writers.plot.MapPng;
import org.sicube.jobs.core.AtomicOutput;
import org.sicube.jobs.core.SideBySide;

/**
 * PNG pictures of the per-pixel maps, {@code map_images/NAME.png} in the output store, drawn on
 * the driver from the maps gathered there ({@link MapBlocks}); only images up to {@link #MAX_PIXELS}
 * pixels are drawn (the Parquet maps hold every size); the colour range is bounded to the 1st–99th
 * percentile of the finite values so that a few failed fits do not flatten the picture.
 */
public final class MapImages {
    public static final String DIR = "map_images";
    static final long MAX_PIXELS = 4L << 20;

    private MapImages() {
    }

    /** Draws every map; returns false (drawing nothing) when the image is too large. */
    static boolean write(MapBlocks maps, List<String> names, SpectrumImage h, AtomicOutput out) throws Exception {
        if (names.isEmpty() || h.spectra() > MAX_PIXELS) {
            return false;
        }
        Path dir = Files.createTempDirectory("sicube-maps-");
        try {
            SideBySide.run(names.size(), m -> draw(maps, m, names.get(m), h, dir, out));
        } finally {
            try (var files = Files.list(dir)) {
                files.forEach(f -> f.toFile().delete());
            }
            Files.deleteIfExists(dir);
        }
        return true;
    }

    private static void draw(MapBlocks maps, int m, String name, SpectrumImage h, Path dir, AtomicOutput out)
            throws IOException {
        Path png = dir.resolve(name + ".png");
        MapPng.of(bounded(maps.image(m, h.ny(), h.nx())), h.ny(), h.nx())
                .title(name + " (1st–99th percentile)").quantity(name)
                .pixelSize(h.pixelSize(), h.pixelUnits()).write(png);
        out.fileSystem().copyFromLocalFile(true, true, new org.apache.hadoop.fs.Path(png.toUri()),
                new org.apache.hadoop.fs.Path(new org.apache.hadoop.fs.Path(out.temporary(), DIR), name + ".png"));
    }

    /** A copy clamped to the 1st and 99th percentiles of the finite values. */
    static double[] bounded(double[] v) {
        double[] finite = Arrays.stream(v).filter(Double::isFinite).sorted().toArray();
        if (finite.length == 0) {
            return v;
        }
        double lo = finite[(int) Math.floor(0.01 * (finite.length - 1))];
        double hi = finite[(int) Math.ceil(0.99 * (finite.length - 1))];
        return Arrays.stream(v).map(x -> Double.isFinite(x) ? Math.max(lo, Math.min(hi, x)) : x).toArray();
    }
}
