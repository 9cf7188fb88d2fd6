package org.sicube.datasets.writers.ripple;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sicube.datasets.model.EnergyAxis;
import org.sicube.datasets.model.PixelBlock;
import org.sicube.datasets.writers.HyperSpyProcess;

class RippleWriterTest {
    private static final int NY = 9;
    private static final int NX = 11;
    private static final int E = 17;
    private static final EnergyAxis AXIS = new EnergyAxis(-1, 0.005, "keV", E);

    @TempDir
    Path dir;

    /** Integral counts, distinct per entry and above 2^16 only when {@code wide}. */
    private static float value(int y, int x, int e, boolean wide) {
        return (y * NX + x) * E + e + (wide ? 70000 : 0);
    }

    private static RippleHeader header(RippleDataType type, ByteOrder order) {
        return new RippleHeader(NY, NX, AXIS, type, order, 12.5, "nm", 200, "EDS_TEM", "test cube");
    }

    /** Writes the cube as 4 x 3 tiles (crossing both edges) in shuffled order. */
    private Path writeShuffled(RippleHeader h, boolean wide, String name) throws IOException {
        List<PixelBlock> tiles = new ArrayList<>();
        for (int y0 = 0; y0 < NY; y0 += 4) {
            for (int x0 = 0; x0 < NX; x0 += 3) {
                PixelBlock b = PixelBlock.empty(y0, x0, Math.min(4, NY - y0), Math.min(3, NX - x0), E);
                for (int y = y0; y < y0 + b.height(); y++) {
                    for (int x = x0; x < x0 + b.width(); x++) {
                        for (int e = 0; e < E; e++) {
                            b.counts()[b.offsetOf(y, x) + e] = value(y, x, e, wide);
                        }
                    }
                }
                tiles.add(b);
            }
        }
        Collections.shuffle(tiles, new Random(7));
        Path rpl = dir.resolve(name + ".rpl");
        try (RippleWriter w = RippleWriter.create(rpl, h)) {
            for (PixelBlock b : tiles) {
                w.write(b);
            }
        }
        return rpl;
    }

    private void assertRawHolds(Path rpl, RippleHeader h, boolean wide) throws IOException {
        Path raw = rpl.resolveSibling(rpl.getFileName().toString().replace(".rpl", ".raw"));
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(raw)).order(h.order());
        assertEquals(h.rawBytes(), bytes.capacity());
        for (int y = 0; y < NY; y++) {
            for (int x = 0; x < NX; x++) {
                for (int e = 0; e < E; e++) {
                    int i = ((y * NX + x) * E + e) * h.type().bytes();
                    double read = switch (h.type()) {
                        case FLOAT32 -> bytes.getFloat(i);
                        case UINT16 -> Short.toUnsignedInt(bytes.getShort(i));
                        case UINT32 -> Integer.toUnsignedLong(bytes.getInt(i));
                    };
                    assertEquals(value(y, x, e, wide), read, 0, "pixel (" + y + ", " + x + ") channel " + e);
                }
            }
        }
    }

    @Test
    void everyTypeAndByteOrderReadsBackFromRawBytes() throws IOException {
        for (RippleDataType type : RippleDataType.values()) {
            for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
                boolean wide = type == RippleDataType.UINT32;
                RippleHeader h = header(type, order);
                Path rpl = writeShuffled(h, wide, type + "_" + order);
                assertRawHolds(rpl, h, wide);
                String text = Files.readString(rpl);
                assertTrue(text.contains("data-length\t" + type.bytes() + "\n"), text);
                assertTrue(text.contains("byte-order\t" + (order == ByteOrder.BIG_ENDIAN ? "big" : "little")
                        + "-endian\n"), text);
                assertTrue(text.contains("record-by\tvector\n") && text.contains("depth-scale\t0.005\n")
                        && text.contains("depth-origin\t-1\n") && text.contains("width-scale\t12.5\n"), text);
            }
        }
        try (var files = Files.list(dir)) {
            assertEquals(12, files.count(), "6 pairs of .rpl + .raw and no temporary files");
        }
    }

    @Test
    void unsignedOutputRejectsFractionalAndOutOfRangeCountsNamingThePixel() throws IOException {
        RippleHeader h = header(RippleDataType.UINT16, ByteOrder.LITTLE_ENDIAN);
        try (RippleWriter w = RippleWriter.create(dir.resolve("bad.rpl"), h)) {
            PixelBlock b = PixelBlock.empty(2, 3, 2, 2, E);
            b.counts()[b.offsetOf(3, 4) + 5] = 1.5f;
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> w.write(b));
            assertTrue(e.getMessage().contains("pixel (y=3, x=4) channel 5 holds 1.5"), e.getMessage());
            b.counts()[b.offsetOf(3, 4) + 5] = 70000;
            e = assertThrows(IllegalArgumentException.class, () -> w.write(b));
            assertTrue(e.getMessage().contains("70000") && e.getMessage().contains("uint16"), e.getMessage());
            w.abort();
        }
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count(), "an aborted export leaves nothing behind");
        }
    }

    @Test
    void incompleteExportFailsAndLeavesNoFiles() throws IOException {
        RippleWriter w = RippleWriter.create(dir.resolve("part.rpl"), header(RippleDataType.FLOAT32,
                ByteOrder.LITTLE_ENDIAN));
        w.write(PixelBlock.empty(0, 0, NY, 5, E));
        IOException e = assertThrows(IOException.class, w::close);
        assertTrue(e.getMessage().contains("pixel (y=0, x=5) was never written"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("part.rpl")));
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void hyperSpyReadsTheExport() throws Exception {
        RippleHeader h = header(RippleDataType.UINT16, ByteOrder.BIG_ENDIAN);
        Path rpl = writeShuffled(h, false, "for_hyperspy");
        String out = HyperSpyProcess.run("""
                import sys, warnings
                warnings.filterwarnings("ignore")
                import numpy as np
                import hyperspy.api as hs
                s = hs.load(sys.argv[1])
                print("SHAPE", s.data.shape, s.data.dtype)
                for a in s.axes_manager._axes:
                    print("AXIS", a.name, a.units, float(a.offset), float(a.scale), a.size)
                print("SUM", float(np.asarray(s.data, dtype=np.float64).sum()), s.data[3, 4, 5])
                """, rpl);
        assertTrue(out.contains("SHAPE (9, 11, 17) >u2") || out.contains("SHAPE (9, 11, 17) uint16"), out);
        assertTrue(out.contains("AXIS Energy keV -1.0 0.005 17"), out);
        assertTrue(out.contains("AXIS x nm 0.0 12.5 11") && out.contains("AXIS y nm 0.0 12.5 9"), out);
        long n = (long) NY * NX * E;
        assertTrue(out.contains("SUM " + (double) (n * (n - 1) / 2) + " " + (int) value(3, 4, 5, false)), out);
    }
}
