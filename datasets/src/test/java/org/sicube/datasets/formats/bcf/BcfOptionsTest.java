package org.sicube.datasets.formats.bcf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sicube.datasets.formats.Formats;
import org.sicube.datasets.formats.ReaderOptions;
import org.sicube.datasets.formats.SpectrumImageReader;
import org.sicube.datasets.io.InvalidInputException;
import org.sicube.datasets.model.PixelBlock;

/** The reader options: spatial downsampling by summing, energy cutoff, bad values named. */
class BcfOptionsTest {
    private static final String FILE = "test_TEM.bcf";

    @Test
    void downsampleSumsPixelsAndKeepsTotals() throws IOException {
        PixelBlock full;
        try (SpectrumImageReader r = Formats.open(BcfReaderTest.data("P45_the_default_job.bcf"))) {
            full = r.readBlock(0, 0, 75, 100);
        }
        ReaderOptions three = ReaderOptions.parse(List.of("downsample=3"));
        try (SpectrumImageReader r = Formats.open(BcfReaderTest.data("P45_the_default_job.bcf"), three)) {
            assertEquals(25, r.header().ny());
            assertEquals(34, r.header().nx(), "100 / 3 rounded up: the last column sums one pixel");
            assertEquals(8.73678506197784 * 3, r.header().pixelSize(), 1e-12);
            PixelBlock b = r.readBlock(0, 0, 25, 34);
            assertEquals(165_941, b.totalCounts(), 0.0);
            for (int e = 0; e < 2048; e += 97) { // spot-check: binned pixel (4, 33) = sum of rows 12..14, column 99
                double sum = 0;
                for (int y = 12; y < 15; y++) {
                    sum += full.counts()[full.offsetOf(y, 99) + e];
                }
                assertEquals(sum, b.counts()[b.offsetOf(4, 33) + e], 0.0);
            }
        }
    }

    @Test
    void cutoffTruncatesChannels() throws IOException {
        ReaderOptions tenKeV = ReaderOptions.parse(List.of("cutoff=10"));
        try (SpectrumImageReader r = Formats.open(BcfReaderTest.data(FILE), tenKeV)) {
            int n = (int) Math.round((10 + 0.47544754) / 0.010001);
            assertEquals(n, r.header().channels());
            PixelBlock b = r.readBlock(0, 0, 64, 64);
            PixelBlock full;
            try (SpectrumImageReader all = Formats.open(BcfReaderTest.data(FILE))) {
                full = all.readBlock(0, 0, 64, 64);
            }
            double expected = 0;
            for (int p = 0; p < 64 * 64; p++) {
                for (int e = 0; e < n; e++) {
                    expected += full.counts()[p * 2048 + e];
                }
            }
            assertEquals(expected, b.totalCounts(), 0.0);
            assertTrue(b.totalCounts() < full.totalCounts());
        }
    }

    @Test
    void badOptionValuesAreNamed() {
        for (String bad : List.of("downsample=0", "cutoff=abc", "cutoff=-5", "index=7")) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> Formats.open(BcfReaderTest.data(FILE), ReaderOptions.parse(List.of(bad))));
            assertTrue(e.getMessage().contains(FILE), e.getMessage());
            String key = bad.substring(0, bad.indexOf('='));
            assertTrue(e.getMessage().contains(key.equals("index") ? "SpectrumData7" : key), e.getMessage());
        }
    }
}
