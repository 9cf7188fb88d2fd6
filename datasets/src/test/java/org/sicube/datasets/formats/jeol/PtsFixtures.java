package org.sicube.datasets.formats.jeol;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Test inputs cut from the real .pts file. */
public final class PtsFixtures {
    private PtsFixtures() {
    }

    /**
     * The first {@code bytes} bytes of the real file with the header's event-stream length made to
     * match: a valid, smaller .pts (a few complete frames and an interrupted one).
     */
    public static byte[] validPrefix(int bytes) throws IOException {
        byte[] all = Files.readAllBytes(Path.of(System.getProperty("sicube.shared"), "data", "View000_0000006.pts"));
        byte[] b = Arrays.copyOf(all, bytes);
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        bb.putInt(32, bytes - bb.getInt(28));
        return b;
    }

    /** Index of the first occurrence of {@code pattern} in {@code b}, or -1. */
    public static int indexOf(byte[] b, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= b.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (b[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
