package org.sicube.jobs.bench;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.sicube.datasets.model.EnergyAxis;
import org.sicube.datasets.model.PixelBlock;
import org.sicube.datasets.writers.ripple.RippleDataType;
import org.sicube.datasets.writers.ripple.RippleHeader;
import org.sicube.datasets.writers.ripple.RippleWriter;

/**
 * The bench's large input: a Ripple {@code .rpl} + {@code .raw} pair, uint16 little-endian, record-by
 * vector, {@code ny × nx × channels} (512 × 512 × 2048 is 1 GiB), written once into the work
 * directory and reused while its {@code .raw} has the expected length. Each spectrum holds about
 * {@code meanCounts} EDS-like counts (a falling continuum and six Gaussian lines, seeded per pixel),
 * so the store's sparse encoding sees the same kind of data as from an instrument.
 */
final class RawFixture {
    private static final int STRIP_ROWS = 4;
    private static final double[] LINES = {52, 148, 174, 640, 705, 805};

    private RawFixture() {
    }

    static Path rplFor(Path work, int ny, int nx, int channels, int meanCounts) {
        return work.resolve(String.format(Locale.ROOT, "raw-%dx%dx%d-u16-m%d.rpl", ny, nx, channels, meanCounts))
                .toAbsolutePath();
    }

    static Path rawOf(Path rpl) {
        String name = rpl.getFileName().toString();
        return rpl.resolveSibling(name.substring(0, name.length() - 4) + ".raw");
    }

    /** True when the pair is there and its .raw has the size the shape implies. */
    static boolean ready(Path rpl, int ny, int nx, int channels) throws IOException {
        Path raw = rawOf(rpl);
        return Files.isRegularFile(rpl) && Files.isRegularFile(raw)
                && Files.size(raw) == (long) ny * nx * channels * RippleDataType.UINT16.bytes();
    }

    /** Writes the pair, strips of full rows at a time (one positioned write per row). */
    static void write(Path rpl, int ny, int nx, int channels, int meanCounts) throws IOException {
        RippleHeader header = new RippleHeader(ny, nx, new EnergyAxis(0, 0.01, "keV", channels),
                RippleDataType.UINT16, ByteOrder.LITTLE_ENDIAN, 1.0, "nm", 200, "EDS_TEM", "sicube bench input");
        try (RippleWriter w = RippleWriter.create(rpl, header)) {
            for (int y0 = 0; y0 < ny; y0 += STRIP_ROWS) {
                int h = Math.min(STRIP_ROWS, ny - y0);
                float[] counts = new float[h * nx * channels];
                for (int p = 0; p < h * nx; p++) {
                    long pixel = (long) (y0 + p / nx) * nx + p % nx;
                    spectrum(new SplittableRandom(pixel * 0x9E3779B97F4A7C15L + 1), counts, p * channels, channels, meanCounts);
                }
                w.write(new PixelBlock(y0, 0, h, nx, channels, counts));
            }
        }
    }

    private static void spectrum(SplittableRandom rnd, float[] counts, int from, int channels, int meanCounts) {
        int n = meanCounts / 2 + rnd.nextInt(meanCounts + 1);
        for (int i = 0; i < n; i++) {
            double c;
            if (rnd.nextDouble() < 0.6) {
                // continuum: falls with energy (minimum of two uniforms)
                c = 20 + Math.min(rnd.nextDouble(), rnd.nextDouble()) * (channels * 0.75);
            } else {
                c = LINES[rnd.nextInt(LINES.length)] * channels / 2048.0 + 5 * gaussian(rnd);
            }
            int ch = (int) Math.round(c);
            if (ch >= 0 && ch < channels) {
                counts[from + ch] += 1;
            }
        }
    }

    private static double gaussian(SplittableRandom rnd) {
        double u = 1 - rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }
}
