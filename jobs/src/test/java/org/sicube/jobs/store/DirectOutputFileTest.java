package org.sicube.jobs.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.apache.parquet.io.PositionOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectOutputFileTest {

    /** 8 MiB chunks: a file of two chunks and a ragged tail, written in pieces that straddle the chunk ends. */
    private static byte[] writeAndRead(Path file, boolean direct) throws Exception {
        SplittableRandom r = new SplittableRandom(4);
        byte[] data = new byte[2 * (8 << 20) + 12_345];
        r.nextBytes(data);
        try (PositionOutputStream out = new DirectOutputFile(file, direct).create(0)) {
            int at = 0;
            out.write(data[at++]);
            while (at < data.length) {
                int n = Math.min(data.length - at, 1 + r.nextInt(3 << 20));
                out.write(data, at, n);
                at += n;
                assertEquals(at, out.getPos());
            }
        }
        assertEquals(data.length, Files.size(file));
        return data;
    }

    @Test
    void bytesArriveWholeOnALocalDisk(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("part.parquet");
        byte[] data = writeAndRead(file, true);
        assertArrayEquals(data, Files.readAllBytes(file));
    }

    @Test
    void thePageCachePathWritesTheSameBytes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("part.parquet");
        byte[] data = writeAndRead(file, false);
        assertArrayEquals(data, Files.readAllBytes(file));
    }

    @Test
    void tmpfsIsWrittenToo() throws Exception {
        Path shm = Path.of("/dev/shm");
        assumeTrue(Files.isDirectory(shm) && Files.isWritable(shm), "needs tmpfs at /dev/shm");
        Path dir = Files.createTempDirectory(shm, "sicube-direct-");
        Path file = dir.resolve("part.parquet");
        try {
            byte[] data = writeAndRead(file, true);
            assertArrayEquals(data, Files.readAllBytes(file));
        } finally {
            Files.deleteIfExists(file);
            Files.delete(dir);
        }
    }

    @Test
    void anExistingFileIsNeitherReplacedNorRemovedByCreate(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("kept");
        Files.writeString(file, "a user's file");
        assertThrows(FileAlreadyExistsException.class, () -> new DirectOutputFile(file).create(0));
        assertEquals("a user's file", Files.readString(file));
    }
}
