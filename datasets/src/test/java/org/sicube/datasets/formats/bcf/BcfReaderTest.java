package org.sicube.datasets.formats.bcf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sicube.datasets.formats.Formats;
import org.sicube.datasets.formats.SpectrumImageReader;
import org.sicube.datasets.io.LocalInputFile;
import org.sicube.datasets.model.PixelBlock;
import org.sicube.datasets.model.SpectrumImage;

/**
 * Every measured .bcf in the shared data against the reference values of data/README.md and
 * REFERENCE.md (HyperSpy 1.7.3): shape, energy axis to the digits given there, beam energy, real
 * time, data type and exact total counts; and an awkward 7 x 13 tiling equal to one whole read.
 */
class BcfReaderTest {

    record Ref(String file, int ny, int nx, int channels, double offset, double scale, double total,
               double beamKv, double realTime, String dataType, String detector, String date, List<String> elements) {
        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<Ref> files() {
        return Stream.of(
                new Ref("16x16_12bit_packed_8bit.bcf", 16, 16, 2048, -0.47095867, 0.009997, 20194, 20, 0.101888,
                        "uint8", "XFlash 6|10", "2018-09-12", List.of()),
                new Ref("30x30_instructively_packed_16bit_compressed.bcf", 30, 30, 2048, -0.47225277, 0.009999,
                        18621362, 20, 70.07298, "uint16", "XFlash 6|10", "2018-10-04",
                        List.of("Al", "C", "Ca", "Ce", "Fe", "Gd", "K", "Mg", "Na", "Nd", "O", "P", "Si", "Sm", "Th",
                                "Ti")),
                new Ref("P45_the_default_job.bcf", 75, 100, 2048, -0.472397235, 0.010001, 165941, 20, 1.088,
                        "uint8", "XFlash 6|10", "2016-04-01", List.of()),
                new Ref("Hitachi_TM3030Plus.bcf", 240, 320, 2048, -0.4746, 0.01, 171804, 15, 35.0976,
                        "uint8", "XFlash 430", "2017-01-06", List.of("Al", "Cu")),
                new Ref("test_TEM.bcf", 64, 64, 2048, -0.47544754, 0.010001, 26005, 200, 5.8112,
                        "uint8", "SuperX", "2016-08-09", List.of("Cu", "O", "Pd", "Ti")),
                new Ref("bcf-edx-ebsd.bcf", 87, 100, 2048, -0.472130085, 0.009989, 36864, 20, 2.2496,
                        "uint8", "XFlash 6|60", "2018-01-21", List.of()),
                new Ref("over16bit.bcf", 3, 4, 4096, -1.90077006, 0.020006, 176786251, 10, 4677.660768,
                        "uint32", "XFlash 6|30", "2017-03-10", List.of("C")));
    }

    static LocalInputFile data(String name) {
        return new LocalInputFile(Path.of(System.getProperty("sicube.shared"), "data", name));
    }

    @ParameterizedTest
    @MethodSource("files")
    void headerMatchesReference(Ref ref) throws IOException {
        try (SpectrumImageReader r = Formats.open(data(ref.file()))) {
            assertInstanceOf(BcfReader.class, r);
            SpectrumImage h = r.header();
            assertEquals(ref.ny(), h.ny());
            assertEquals(ref.nx(), h.nx());
            assertEquals(ref.channels(), h.channels());
            // The header stores the calibration as decimal text; the reference digits are that text.
            assertEquals(ref.offset(), h.energy().offset(), 1e-12);
            assertEquals(ref.scale(), h.energy().scale(), 1e-12);
            assertEquals("keV", h.energy().units());
            assertEquals(ref.beamKv(), h.beamEnergyKeV(), 1e-12);
            // Real time = line counts x averages x pixel time (µs) x width; README prints it rounded.
            assertEquals(ref.realTime(), h.realTimeS(), 1e-6 * ref.realTime());
            assertEquals(ref.dataType(), h.dataType());
            assertEquals(ref.detector(), h.detector());
            assertEquals(ref.elements(), h.elements());
            assertEquals(ref.beamKv() > 30 ? "EDS_TEM" : "EDS_SEM", h.signalType());
            assertEquals(LocalDate.parse(ref.date()), ((BcfReader) r).metadata().date());
        }
    }

    @ParameterizedTest
    @MethodSource("files")
    void totalCountsAndAwkwardTilingMatchWholeRead(Ref ref) throws IOException {
        try (SpectrumImageReader r = Formats.open(data(ref.file()))) {
            SpectrumImage h = r.header();
            PixelBlock whole = r.readBlock(0, 0, h.ny(), h.nx());
            assertEquals(ref.total(), whole.totalCounts(), 0.0, "counts are integers, summed in double");
            float[] tiled = new float[whole.counts().length];
            int e = h.channels();
            for (int y0 = 0; y0 < h.ny(); y0 += 7) {
                for (int x0 = 0; x0 < h.nx(); x0 += 13) {
                    PixelBlock b = r.readBlock(y0, x0, Math.min(7, h.ny() - y0), Math.min(13, h.nx() - x0));
                    for (int y = b.y0(); y < b.y0() + b.height(); y++) {
                        for (int x = b.x0(); x < b.x0() + b.width(); x++) {
                            System.arraycopy(b.counts(), b.offsetOf(y, x), tiled, whole.offsetOf(y, x), e);
                        }
                    }
                }
            }
            assertArrayEquals(whole.counts(), tiled);
        }
    }

    @Test
    void pixelSizeAndUnits() throws IOException {
        try (SpectrumImageReader r = Formats.open(data("30x30_instructively_packed_16bit_compressed.bcf"))) {
            assertEquals(1.66740910949363, r.header().pixelSize(), 1e-12);
            assertEquals("µm", r.header().pixelUnits());
        }
        try (SpectrumImageReader r = Formats.open(data("Hitachi_TM3030Plus.bcf"))) {
            assertEquals(1.0, r.header().pixelSize(), 0.0);
            assertEquals("pix", r.header().pixelUnits());
        }
        try (SpectrumImageReader r = Formats.open(data("test_TEM.bcf"))) {
            assertEquals(0.000771004754204027, r.header().pixelSize(), 1e-15);
            assertTrue(Double.isNaN(r.header().liveTimeS()), "these files store no live time");
        }
    }
}
