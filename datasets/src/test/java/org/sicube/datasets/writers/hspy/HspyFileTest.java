package org.sicube.datasets.writers.hspy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HspyFileTest {
    @TempDir
    Path dir;

    @Test
    void cubeAndMapsReadBackWithJhdf() throws Exception {
        Path path = HspyTestSignals.threeSignals(dir.resolve("results.hspy")).write();
        try (HdfFile f = new HdfFile(path)) {
            assertEquals("HyperSpy", f.getAttribute("file_format").getData());
            assertEquals("3.1", f.getAttribute("file_format_version").getData());

            Dataset data = f.getDatasetByPath("/Experiments/cube/data");
            assertArrayEquals(new int[] {5, 7, 33}, data.getDimensions());
            assertArrayEquals(HspyTestSignals.cube(), (float[]) data.getDataFlat());
            Group energy = (Group) f.getByPath("/Experiments/cube/axis-2");
            assertEquals("keV", energy.getAttribute("units").getData());
            assertEquals(-0.47225277, (double) energy.getAttribute("offset").getData(), 0);
            assertEquals(0.009999, (double) energy.getAttribute("scale").getData(), 0);
            assertEquals(33L, energy.getAttribute("size").getData());
            Group y = (Group) f.getByPath("/Experiments/cube/axis-0");
            assertEquals(2.5, (double) y.getAttribute("scale").getData(), 0);
            assertEquals("nm", y.getAttribute("units").getData());

            Group signal = (Group) f.getByPath("/Experiments/cube/metadata/Signal");
            assertEquals("EDS_TEM", signal.getAttribute("signal_type").getData());
            assertEquals("spectrum", signal.getAttribute("record_by").getData());
            assertEquals("image", ((Group) f.getByPath("/Experiments/scores/metadata/Signal"))
                    .getAttribute("record_by").getData());
            Group tem = (Group) f.getByPath("/Experiments/cube/metadata/Acquisition_instrument/TEM");
            assertEquals(200.0, (double) tem.getAttribute("beam_energy").getData(), 0);
            assertArrayEquals(new String[] {"Fe", "O"},
                    (String[]) f.getDatasetByPath("/Experiments/cube/metadata/Sample/_list_elements").getData());

            Dataset phases = f.getDatasetByPath("/Experiments/phases/data");
            assertArrayEquals(new int[] {5, 7}, phases.getDimensions());
            assertArrayEquals(HspyTestSignals.labels(), (int[]) phases.getDataFlat());
            assertArrayEquals(new int[] {2, 5, 7}, f.getDatasetByPath("/Experiments/scores/data").getDimensions());
            assertArrayEquals(HspyTestSignals.spectrum(),
                    (double[]) f.getDatasetByPath("/Experiments/mean spectrum/data").getDataFlat());
        }
        try (var listing = Files.list(dir)) {
            assertEquals(List.of(path), listing.toList(), "only the target remains, no temporary file");
        }
    }

    @Test
    void uint16CubeKeepsItsType() throws Exception {
        short[] counts = new short[5 * 7 * 33];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = (short) (i * 37 % 65536);
        }
        Path path = HspyFile.create(dir.resolve("u16.hspy")).compress(false)
                .addSignal(HspySignal.cubeUint16("raw", HspyTestSignals.header(), counts)).write();
        try (HdfFile f = new HdfFile(path)) {
            Dataset data = f.getDatasetByPath("/Experiments/raw/data");
            int[] read = (int[]) data.getDataFlat(); // jhdf widens uint16 to int
            for (int i = 0; i < counts.length; i++) {
                assertEquals(Short.toUnsignedInt(counts[i]), read[i]);
            }
        }
    }

    @Test
    void wrongLengthAndDuplicateTitlesAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HspySignal.cube("cube", HspyTestSignals.header(), new float[10]));
        assertTrue(e.getMessage().contains("1155") && e.getMessage().contains("10"), e.getMessage());
        HspyFile file = HspyFile.create(dir.resolve("dup.hspy"))
                .addSignal(HspySignal.image(HspyMetadata.titled("map"), 2, 2, Double.NaN, "", new float[4]));
        assertThrows(IllegalArgumentException.class, () -> file.addSignal(
                HspySignal.image(HspyMetadata.titled("map"), 2, 2, Double.NaN, "", new float[4])));
        // Three signal axes cannot be told to HyperSpy without navigate flags.
        assertThrows(IllegalArgumentException.class, () -> new HspySignal(HspyMetadata.titled("volume"),
                List.of(HspyAxis.imageAxis("z", 1, "nm", 2), HspyAxis.imageAxis("y", 1, "nm", 2),
                        HspyAxis.imageAxis("x", 1, "nm", 2)), new float[8]));
    }

    @Test
    void oversizedCubeNamesTheSizeAndSuggestsRipple() {
        // The limit is checked from the axes before the values, so no 3 GiB array is needed here.
        List<HspyAxis> axes = List.of(HspyAxis.navigation("y", "", 1, 1024), HspyAxis.navigation("x", "", 1, 1024),
                HspyAxis.energy(new org.sicube.datasets.model.EnergyAxis(0, 10, "eV", 768)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new HspySignal(HspyMetadata.titled("big"), axes, new float[1]));
        assertTrue(e.getMessage().contains("805306368 values (3.00 GiB)") && e.getMessage().contains("Ripple"),
                e.getMessage());
    }

    @Test
    void chunksKeepWholeSpectra() {
        assertArrayEquals(new int[] {5, 7, 33}, HspySignalWriter.chunkShape(new int[] {5, 7, 33}));
        assertArrayEquals(new int[] {1, 128, 2048}, HspySignalWriter.chunkShape(new int[] {512, 512, 2048}));
    }
}
