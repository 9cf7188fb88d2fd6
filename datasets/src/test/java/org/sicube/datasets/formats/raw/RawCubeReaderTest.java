package org.sicube.datasets.formats.raw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sicube.datasets.io.InvalidInputException;
import org.sicube.datasets.io.LocalInputFile;
import org.sicube.datasets.model.EnergyAxis;
import org.sicube.datasets.model.SpectrumImage;

class RawCubeReaderTest {
    private static final int NY = 7;
    private static final int NX = 5;
    private static final int CH = 6;
    private static final int OFFSET = 13;

    @TempDir
    Path dir;

    private RawCubeReader reader(SampleType t, ByteOrder bo, AxisOrder order, int maxSpan) throws Exception {
        byte[] cube = TestCubes.encode(NY, NX, CH, t, bo, order);
        byte[] file = new byte[OFFSET + cube.length];
        System.arraycopy(cube, 0, file, OFFSET, cube.length);
        Path p = dir.resolve(t + "-" + order + ".bin");
        Files.write(p, file);
        CubeLayout layout = new CubeLayout(OFFSET, NY, NX, CH, t, bo, order);
        LocalInputFile in = new LocalInputFile(p);
        layout.requireFits(in, "test");
        SpectrumImage h = SpectrumImage.of(NY, NX, new EnergyAxis(0, 1, "eV", CH));
        return new RawCubeReader(in, h, layout, maxSpan);
    }

    @ParameterizedTest
    @EnumSource(SampleType.class)
    void everyTypeAndOrderDecodesExactlyOnAwkwardTiles(SampleType t) throws Exception {
        for (ByteOrder bo : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
            for (AxisOrder order : AxisOrder.values()) {
                try (RawCubeReader r = reader(t, bo, order, RawCubeReader.MAX_SPAN_BYTES)) {
                    assertEquals((long) NY * NX * CH, TestCubes.checkAllTiles(r, t, 3, 2));
                    assertEquals((long) NY * NX * CH, TestCubes.checkAllTiles(r, t, NY, NX));
                    assertEquals((long) NY * NX * CH, TestCubes.checkAllTiles(r, t, 1, 1));
                }
            }
        }
    }

    @Test
    void runByRunReadsGiveTheSameValuesAsSweepReads() throws Exception {
        for (AxisOrder order : AxisOrder.values()) {
            // A 1-byte limit forces one read per run along the stored fastest axis.
            try (RawCubeReader r = reader(SampleType.UINT16, ByteOrder.BIG_ENDIAN, order, 1)) {
                assertEquals((long) NY * NX * CH, TestCubes.checkAllTiles(r, SampleType.UINT16, 4, 3));
            }
        }
    }

    @Test
    void unsignedExtremesDecodeAsUnsigned() throws Exception {
        Path p = dir.resolve("max.bin");
        Files.write(p, new byte[] {-1, -1, -1, -1, -1, -1, -1, -1});
        for (SampleType t : new SampleType[] {SampleType.UINT8, SampleType.UINT16, SampleType.UINT32, SampleType.UINT64}) {
            int ch = 8 / t.bytes();
            CubeLayout layout = new CubeLayout(0, 1, 1, ch, t, ByteOrder.LITTLE_ENDIAN, AxisOrder.Y_X_E);
            try (RawCubeReader r = new RawCubeReader(new LocalInputFile(p),
                    SpectrumImage.of(1, 1, new EnergyAxis(0, 1, "eV", ch)), layout)) {
                assertEquals((float) Math.pow(2, 8 * t.bytes()) - 1, r.readBlock(0, 0, 1, 1).counts()[0], 0f);
            }
        }
    }

    @Test
    void shortFileAndHugeHeaderAreRejectedBeforeAnyAllocation() throws Exception {
        Path p = dir.resolve("short.bin");
        Files.write(p, new byte[100]);
        LocalInputFile in = new LocalInputFile(p);
        CubeLayout tooBig = new CubeLayout(0, 10, 10, 10, SampleType.UINT8, ByteOrder.LITTLE_ENDIAN, AxisOrder.Y_X_E);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> tooBig.requireFits(in, "the header"));
        assertTrue(e.getMessage().contains("short.bin") && e.getMessage().contains("1000"), e.getMessage());
        CubeLayout overflow = new CubeLayout(0, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE,
                SampleType.FLOAT64, ByteOrder.LITTLE_ENDIAN, AxisOrder.Y_X_E);
        assertThrows(InvalidInputException.class, () -> overflow.requireFits(in, "the header"));
    }

    @Test
    void fileThatShrinksAfterOpeningFailsNamingTheOffset() throws Exception {
        RawCubeReader r = reader(SampleType.UINT16, ByteOrder.LITTLE_ENDIAN, AxisOrder.Y_X_E, RawCubeReader.MAX_SPAN_BYTES);
        Files.write(dir.resolve(SampleType.UINT16 + "-" + AxisOrder.Y_X_E + ".bin"), new byte[OFFSET + 10]);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> r.readBlock(4, 0, 3, 5));
        assertTrue(e.getMessage().contains("offset"), e.getMessage());
    }

    @Test
    void blockOutsideTheImageIsACallerError() throws Exception {
        try (RawCubeReader r = reader(SampleType.UINT8, ByteOrder.LITTLE_ENDIAN, AxisOrder.Y_X_E, 1 << 20)) {
            assertThrows(IllegalArgumentException.class, () -> r.readBlock(6, 0, 2, 1));
            assertThrows(IllegalArgumentException.class, () -> r.readBlock(0, -1, 1, 1));
        }
    }
}
