package org.sicube.jobs.core;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

/**
 * Independent pieces of driver work (pictures of maps, one per map) run side by side on the
 * driver's cores, which the executors leave idle by then; the first failure is rethrown once all
 * have run.
 */
public final class SideBySide {
    /** Piece {@code i} of the work. */
    public interface Piece {
        void run(int i) throws IOException;
    }

    private SideBySide() {
    }

    public static void run(int count, Piece piece) throws IOException {
        List<IOException> failed = new CopyOnWriteArrayList<>();
        IntStream.range(0, count).parallel().forEach(i -> {
            try {
                piece.run(i);
            } catch (IOException e) {
                failed.add(e);
            }
        });
        if (!failed.isEmpty()) {
            throw failed.get(0);
        }
    }
}
