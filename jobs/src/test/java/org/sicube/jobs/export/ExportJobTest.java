package org.sicube.jobs.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sicube.datasets.formats.Formats;
import org.sicube.datasets.formats.SpectrumImageReader;
import org.sicube.datasets.io.LocalInputFile;
import org.sicube.jobs.testing.JobRun;
import org.sicube.jobs.testing.SharedData;

/** Exported files are what went in: byte-identical Ripple, value-identical HyperSpy. */
class ExportJobTest {

    @Test
    void rippleRoundTripIsByteIdenticalAndHspyHoldsTheSameCounts(@TempDir Path dir) throws Exception {
        Path rpl = SharedData.file("derived/velox_superx_20f.rpl");
        String store = dir.resolve("store").toString();
        assertEquals(0, JobRun.of("ingest", "--input", rpl.toString(), "--output", store, "--block", "7x3").exitCode());

        Path out = dir.resolve("back.rpl");
        JobRun r = JobRun.of("export", "--store", store, "--output", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        // uint16 little-endian, record-by vector: the same bytes as the measured file's .raw.
        assertArrayEquals(Files.readAllBytes(SharedData.file("derived/velox_superx_20f.raw")),
                Files.readAllBytes(dir.resolve("back.raw")));

        Path hspy = dir.resolve("back.hspy");
        JobRun h = JobRun.of("export", "--store", store, "--output", hspy.toString());
        assertEquals(0, h.exitCode(), h.err());
        try (SpectrumImageReader a = Formats.open(new LocalInputFile(hspy));
             SpectrumImageReader b = Formats.open(new LocalInputFile(rpl))) {
            assertEquals(b.header().energy(), a.header().energy());
            assertArrayEquals(b.readBlock(0, 0, 50, 10).counts(), a.readBlock(0, 0, 50, 10).counts());
        }

        JobRun again = JobRun.of("export", "--store", store, "--output", hspy.toString());
        assertEquals(2, again.exitCode());
        JobRun bad = JobRun.of("export", "--store", store, "--output", dir.resolve("x.tif").toString());
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains(".hspy or .rpl"), bad.err());
        assertFalse(Files.exists(dir.resolve("x.tif")));
    }
}
