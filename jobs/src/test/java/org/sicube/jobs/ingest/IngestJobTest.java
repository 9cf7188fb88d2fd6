package org.sicube.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sicube.datasets.formats.Formats;
import org.sicube.datasets.formats.SpectrumImageReader;
import org.sicube.datasets.io.LocalInputFile;
import org.sicube.datasets.model.PixelBlock;
import org.sicube.datasets.model.SpectrumImage;
import org.sicube.jobs.store.BlockStore;
import org.sicube.jobs.testing.JobRun;
import org.sicube.jobs.testing.NpyFiles;
import org.sicube.jobs.testing.SharedData;
import org.sicube.jobs.testing.TestSpark;

/** The ingest job end to end on the measured files, and its answers to bad input. */
class IngestJobTest {

    /** Shapes, axes and totals from ../shared/data/README.md and REFERENCE.md; reader options separated by ';'. */
    @ParameterizedTest
    @CsvSource({
        "derived/rock_30x30.hspy, , 30, 30, 2048, -0.47225277, 0.009999, keV, 18621362, 7x13",
        "derived/stem_eds_64x64.hspy, , 64, 64, 2048, -0.47544754, 0.010001, keV, 26005, 32x32",
        "derived/sem_eds_75x100.npy, , 75, 100, 2048, 0, 1, eV, 165941, 32x32",
        "derived/velox_superx_20f.rpl, , 50, 10, 4096, -1, 0.005, keV, 1529219, 16x3",
        "16x16_12bit_packed_8bit.bcf, , 16, 16, 2048, -0.47095867, 0.009997, keV, 20194, 7x13",
        "30x30_instructively_packed_16bit_compressed.bcf, , 30, 30, 2048, -0.47225277, 0.009999, keV, 18621362, 32x32",
        "P45_the_default_job.bcf, , 75, 100, 2048, -0.472397235, 0.010001, keV, 165941, 32x32",
        "Hitachi_TM3030Plus.bcf, , 240, 320, 2048, -0.4746, 0.01, keV, 171804, 32x32",
        "test_TEM.bcf, , 64, 64, 2048, -0.47544754, 0.010001, keV, 26005, 32x32",
        "bcf-edx-ebsd.bcf, , 87, 100, 2048, -0.472130085, 0.009989, keV, 36864, 32x32",
        "over16bit.bcf, , 3, 4, 4096, -1.90077006, 0.020006, keV, 176786251, 2x3",
        "View000_0000006.pts, bin=4;ebin=4, 128, 128, 1024, -0.9606613249999999, 0.03999464, keV, 308261, 32x32",
        "fei_SI_SuperX-HAADF_20frames_10x50.emd, , 50, 10, 4096, -1, 0.005, keV, 1529219, 16x3",
        "fei_emd_si.emd, , 16, 16, 4096, -1, 0.01, keV, 6564, 7x13",
        "example_velox_EELS_EDS.emd, signal=EDS, 16, 20, 4096, -0.2, 0.01, keV, 11093, 32x32",
        "example_velox_EELS_EDS.emd, signal=EELS480, 16, 20, 2048, 480, 0.1692, eV, 65523224, 5x7",
        "test-EELS_spectrum.dm3, , 1, 1, 2048, -100, 0.5, eV, -7678.557067871094, 32x32",
    })
    void measuredFilesIngestWithReferenceShapeAxisAndTotals(String file, String options, int ny, int nx, int channels,
            double offset, double scale, String units, double total, String block, @TempDir Path dir) throws Exception {
        Path input = SharedData.file(file);
        String store = dir.resolve("store").toString();
        List<String> args = new java.util.ArrayList<>(List.of("ingest", "--input", input.toString(), "--output", store,
                "--block", block));
        org.sicube.datasets.formats.ReaderOptions ro = org.sicube.datasets.formats.ReaderOptions.NONE;
        if (options != null) {
            for (String o : options.split(";")) {
                args.add("--reader-option");
                args.add(o);
            }
            ro = org.sicube.datasets.formats.ReaderOptions.parse(List.of(options.split(";")));
        }
        if (total < 0) {
            args.add("--allow-non-counts"); // the dm3 EELS spectrum is dark-subtracted: it has negative values
        }
        JobRun run = JobRun.of(args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("ingested " + input.getFileName()), run.out());

        SpectrumImage h = BlockStore.readHeader(store, new Configuration()).header();
        assertEquals(ny, h.ny());
        assertEquals(nx, h.nx());
        assertEquals(channels, h.channels());
        assertEquals(offset, h.energy().offset(), 1e-7);
        assertEquals(scale, h.energy().scale(), 1e-9);
        assertEquals(units, h.energy().units());
        assertEquals(total, h.totalCounts(), Math.abs(total) * 1e-9); // float32 values summed in double
        assertEquals(64, h.sourceSha256().length());

        // Every block equals what the reader returns for the same tile.
        try (SpectrumImageReader r = Formats.open(new LocalInputFile(input), ro)) {
            for (PixelBlock b : BlockStore.readBlocks(TestSpark.get(), store).collect()) {
                assertArrayEquals(r.readBlock(b.y0(), b.x0(), b.height(), b.width()).counts(), b.counts());
            }
        }
    }

    @Test
    void truncatedRawIsRejectedNamingTheFileAndLeavesNoStore(@TempDir Path dir) throws Exception {
        Path rpl = dir.resolve("cut.rpl");
        Files.copy(SharedData.file("derived/velox_superx_20f.rpl"), rpl);
        byte[] raw = Files.readAllBytes(SharedData.file("derived/velox_superx_20f.raw"));
        Files.write(dir.resolve("cut.raw"), java.util.Arrays.copyOf(raw, raw.length - 1000));
        assertUserError(dir, "cut.raw", "--input", rpl.toString());
    }

    @Test
    void corruptedVendorFileIsRejectedWithExitTwoAndNoStore(@TempDir Path dir) throws Exception {
        byte[] bcf = Files.readAllBytes(SharedData.file("30x30_instructively_packed_16bit_compressed.bcf"));
        Path cut = Files.write(dir.resolve("cut.bcf"), java.util.Arrays.copyOf(bcf, bcf.length / 2));
        assertUserError(dir, "cut.bcf", "--input", cut.toString());
        byte[] emd = Files.readAllBytes(SharedData.file("fei_emd_si.emd"));
        Path short1 = Files.write(dir.resolve("short.emd"), java.util.Arrays.copyOf(emd, emd.length - 4096));
        assertUserError(dir, "short.emd", "--input", short1.toString());
    }

    @Test
    void rplWithMissingKeyIsRejectedNamingTheKey(@TempDir Path dir) throws Exception {
        Path rpl = dir.resolve("nokey.rpl");
        String header = Files.readString(SharedData.file("derived/velox_superx_20f.rpl"));
        Files.writeString(rpl, header.replaceAll("(?im)^\\s*depth\\s.*$", ""));
        Files.copy(SharedData.file("derived/velox_superx_20f.raw"), dir.resolve("nokey.raw"));
        JobRun run = assertUserError(dir, "nokey.rpl", "--input", rpl.toString());
        assertTrue(run.err().contains("depth"), run.err());
    }

    @Test
    void npyOfWrongRankIsRejected(@TempDir Path dir) throws Exception {
        Path npy = NpyFiles.write(dir.resolve("rank4.npy"), "<f4", new int[] {2, 2, 2, 2}, new float[16]);
        JobRun run = assertUserError(dir, "rank4.npy", "--input", npy.toString());
        assertTrue(run.err().contains("(2, 2, 2, 2)") || run.err().contains("rank") || run.err().contains("dimensions"),
                run.err());
    }

    @Test
    void negativeAndNanCountsAreRejectedNamingThePixel(@TempDir Path dir) throws Exception {
        float[] v = new float[3 * 4 * 5];
        v[(2 * 4 + 1) * 5 + 3] = -1f;
        Path npy = NpyFiles.write(dir.resolve("neg.npy"), "<f4", new int[] {3, 4, 5}, v);
        JobRun run = assertUserError(dir, "neg.npy", "--input", npy.toString());
        assertTrue(run.err().contains("pixel (y=2, x=1) channel 3"), run.err());

        float[] w = new float[3 * 4 * 5];
        w[7] = Float.NaN;
        Path nan = NpyFiles.write(dir.resolve("nan.npy"), "<f4", new int[] {3, 4, 5}, w);
        assertTrue(assertUserError(dir, "nan.npy", "--input", nan.toString()).err().contains("NaN"));

        // Processed data are accepted when the user says so.
        JobRun ok = JobRun.of("ingest", "--input", npy.toString(), "--output", dir.resolve("ok").toString(),
                "--allow-non-counts");
        assertEquals(0, ok.exitCode(), ok.err());
    }

    @Test
    void hdf5WithoutSpectrumImageIsRejected(@TempDir Path dir) throws Exception {
        Path h5 = dir.resolve("empty.hspy");
        try (var f = io.jhdf.HdfFile.write(h5)) {
            f.putGroup("Nothing").putDataset("x", new int[] {1, 2, 3});
        }
        assertUserError(dir, "empty.hspy", "--input", h5.toString());
    }

    @Test
    void missingPathUnknownOptionAndUnknownFormat(@TempDir Path dir) throws Exception {
        assertUserError(dir, "nowhere.rpl", "--input", dir.resolve("nowhere.rpl").toString());
        JobRun unknown = JobRun.of("ingest", "--input", "x.rpl", "--output", "y", "--colour", "red");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("--colour"), unknown.err());
        Path txt = Files.writeString(dir.resolve("notes.txt"), "hello");
        assertUserError(dir, "notes.txt", "--input", txt.toString());
        JobRun badOpt = JobRun.of("ingest", "--input", SharedData.file("derived/sem_eds_75x100.npy").toString(),
                "--output", dir.resolve("s").toString(), "--reader-option", "colour=red");
        assertEquals(2, badOpt.exitCode());
        assertTrue(badOpt.err().contains("colour"), badOpt.err());
    }

    /** Runs ingest expecting exit 2 with a one-line message naming {@code named}, and no store left behind. */
    private static JobRun assertUserError(Path dir, String named, String... args) throws Exception {
        Path store = dir.resolve("store-" + named);
        String[] all = new String[args.length + 3];
        all[0] = "ingest";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--output";
        all[args.length + 2] = store.toString();
        JobRun run = JobRun.of(all);
        assertEquals(2, run.exitCode(), run.err());
        String msg = run.err().strip();
        assertEquals(1, msg.lines().count(), "one line: " + msg);
        assertTrue(msg.contains(named), msg);
        assertFalse(Files.exists(store));
        try (var files = Files.list(dir)) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            assertTrue(names.stream().noneMatch(n -> n.contains(".tmp-")), names.toString());
        }
        return run;
    }
}
