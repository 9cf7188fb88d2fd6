package org.sicube.jobs.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import org.sicube.datasets.store.HeaderJson;

/**
 * Synthetic EDS stores for the decomposition benchmarks, made once by the {@code synthesize} job in
 * the work directory ({@code decompose-NYxNX-cCHANNELS-mCOUNTS.store}) and kept between runs. A size
 * is a spectrum count ({@code 1e5}) laid out as the most nearly square image with exactly that many
 * pixels, or an image size ({@code 250x400}).
 */
final class SyntheticStores {
    /** Store bytes per spectrum assumed when no smaller store shows the real figure: generous, 200 counts take ~90. */
    static final double DEFAULT_BYTES_PER_SPECTRUM = 2048;

    private SyntheticStores() {
    }

    /** {@code {ny, nx}} for a size given as a count ({@code 1e6}, {@code 1000000}) or as {@code NYxNX}. */
    static int[] shape(String size) {
        String s = size.trim().toLowerCase(Locale.ROOT);
        if (s.contains("x")) {
            return org.sicube.datasets.model.BlockGrid.parseSize(s, "--sizes", Integer.MAX_VALUE);
        }
        double v;
        try {
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--sizes: '" + size + "' is neither a spectrum count (1e6) nor NYxNX");
        }
        long n = (long) v;
        if (n != v || n < 1 || n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("--sizes: '" + size + "' must be a whole number of spectra up to 2^31");
        }
        int ny = (int) Math.floor(Math.sqrt(n));
        while (n % ny != 0) {
            ny--;
        }
        return new int[] {ny, (int) (n / ny)};
    }

    static Path location(Path work, int[] shape, int channels, double meanCounts) {
        return work.resolve(String.format(Locale.ROOT, "decompose-%dx%d-c%d-m%s.store", shape[0], shape[1], channels,
                JsonLine.number(meanCounts))).toAbsolutePath();
    }

    /** A store is complete once its header is there: the job renames the finished directory into place. */
    static boolean ready(Path store) {
        return Files.isRegularFile(store.resolve(HeaderJson.FILE_NAME));
    }

    /** Synthesizes the store; returns its fixture line (seconds, size). */
    static JsonLine make(Path store, int[] shape, int channels, double meanCounts) throws IOException {
        StoreSize.delete(store);
        long t0 = System.nanoTime();
        JobCall.run("synthesize", "--kind", "eds", "--output", store.toString(), "--size", shape[0] + "x" + shape[1],
                "--channels", Integer.toString(channels), "--mean-counts", Double.toString(meanCounts));
        return new JsonLine().put("what", "decompose_fixture").put("spectra", (long) shape[0] * shape[1])
                .put("channels", channels).put("mean_counts", meanCounts)
                .put("seconds", (System.nanoTime() - t0) / 1e9)
                .put("store_mb", StoreSize.storeMb(store)).put("store", store.getFileName().toString())
                .put("note", "synthesized once, kept in the work directory");
    }

    /**
     * Bytes a new store of {@code spectra} would take (ground truth included), scaled from the
     * largest complete store of the same channels and counts in {@code work}, else from
     * {@link #DEFAULT_BYTES_PER_SPECTRUM}.
     */
    static double estimatedBytes(Path work, long spectra, int channels, double meanCounts) throws IOException {
        String suffix = String.format(Locale.ROOT, "-c%d-m%s.store", channels, JsonLine.number(meanCounts));
        double perSpectrum = DEFAULT_BYTES_PER_SPECTRUM;
        long largest = 0;
        try (Stream<Path> stores = Files.list(work)) {
            for (Path p : stores.filter(p -> p.getFileName().toString().startsWith("decompose-")
                    && p.getFileName().toString().endsWith(suffix) && ready(p)).toList()) {
                String dims = p.getFileName().toString().substring("decompose-".length()).split("-")[0];
                int[] s = org.sicube.datasets.model.BlockGrid.parseSize(dims, "store name", Integer.MAX_VALUE);
                long n = (long) s[0] * s[1];
                if (n > largest) {
                    largest = n;
                    perSpectrum = (StoreSize.storeMb(p) + StoreSize.truthMb(p)) * 1e6 / n;
                }
            }
        }
        return perSpectrum * spectra;
    }
}
