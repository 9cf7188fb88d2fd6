package org.sicube.jobs.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Bytes of a store on local disk: its header and {@code blocks/} Parquet files, without the ground
 * truth beside them and without the local file system's {@code .crc} side files and markers.
 */
final class StoreSize {
    private StoreSize() {
    }

    /** The store's size in MB (10^6 bytes), ground truth excluded. */
    static double storeMb(Path store) throws IOException {
        return bytes(store, store.resolve("truth")) / 1e6;
    }

    /** The ground truth's size in MB ({@code truth/}), 0 when absent. */
    static double truthMb(Path store) throws IOException {
        Path truth = store.resolve("truth");
        return Files.isDirectory(truth) ? bytes(truth, null) / 1e6 : 0;
    }

    private static long bytes(Path dir, Path skip) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> skip == null || !p.startsWith(skip))
                    .filter(p -> !p.getFileName().toString().startsWith(".") && !p.getFileName().toString().startsWith("_"))
                    .mapToLong(p -> {
                        try {
                            return Files.size(p);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }).sum();
        }
    }

    /** Removes {@code dir} and everything under it, if present. */
    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
