package org.sicube.jobs.decomposition;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sicube.datasets.formats.Formats;
import org.sicube.datasets.formats.ReaderOptions;
import org.sicube.datasets.formats.SpectrumImageReader;
import org.sicube.datasets.io.LocalInputFile;
import org.sicube.datasets.model.PixelBlock;
import org.sicube.datasets.model.SpectrumImage;
import org.sicube.transforms.decomposition.WeightedGramAccumulator;
import org.sicube.transforms.decomposition.WeightedPca;
import org.sicube.transforms.decomposition.WeightedPcaModel;

/**
 * The Poisson-weighted PCA of each measured file against the reference table in
 * {@code data/REFERENCE.md} (HyperSpy's uncentred weighted SVD): masked channels and pixels, and
 * the first five explained-variance ratios. Files are read in 32 × 32 tiles, as blocks arrive.
 */
class WeightedPcaReferenceTest {

    private static final int TILE = 32;

    static Stream<Arguments> references() {
        return Stream.of(
                row("16x16_12bit_packed_8bit.bcf", Map.of(), 588, 0,
                        0.0519827, 0.00734424, 0.00723459, 0.00715951, 0.00711014),
                row("30x30_instructively_packed_16bit_compressed.bcf", Map.of(), 28, 0,
                        0.745132, 0.0872676, 0.0659429, 0.0209847, 0.00460876),
                row("P45_the_default_job.bcf", Map.of(), 357, 0,
                        0.0128799, 0.00180366, 0.00178341, 0.00176763, 0.00160824),
                row("bcf-edx-ebsd.bcf", Map.of(), 283, 8681,
                        0.536955, 0.0299029, 0.0295732, 0.0294189, 0.0289344),
                row("Hitachi_TM3030Plus.bcf", Map.of(), 589, 60630,
                        0.0073089, 0.00146749, 0.00134078, 0.00124255, 0.00122603),
                row("over16bit.bcf", Map.of(), 3379, 0,
                        0.996242, 0.00250954, 0.000795618, 0.000281904, 9.87959e-05),
                row("test_TEM.bcf", Map.of(), 797, 13,
                        0.00486398, 0.00486398, 0.00486398, 0.00402796, 0.00375077),
                row("View000_0000006.pts", Map.of("bin", "4", "ebin", "4"), 35, 336,
                        0.0174176, 0.00746971, 0.00644671, 0.00506247, 0.00503636),
                row("example_velox_EELS_EDS.emd", Map.of("signal", "EDS"), 4071, 0,
                        0.589379, 0.0246278, 0.0235966, 0.0232291, 0.0227947),
                row("example_velox_EELS_EDS.emd", Map.of("signal", "EELS480"), 0, 0,
                        0.998284, 3.66418e-05, 1.02323e-05, 1.00964e-05, 9.93038e-06),
                row("example_velox_EELS_EDS.emd", Map.of("signal", "EELS800"), 0, 0,
                        0.998286, 3.31595e-05, 1.03173e-05, 1.01415e-05, 1.00334e-05),
                row("example_velox_EELS_EDS.emd", Map.of("signal", "EELSLL"), 0, 0,
                        0.998281, 3.91655e-05, 1.03206e-05, 1.01715e-05, 1.00542e-05),
                row("fei_emd_si.emd", Map.of(), 3992, 0,
                        0.197704, 0.0324975, 0.0317848, 0.0252206, 0.0241821),
                row("fei_SI_SuperX-HAADF_20frames_10x50.emd", Map.of(), 218, 0,
                        0.438829, 0.0088425, 0.0023537, 0.00228915, 0.00227795));
    }

    private static Arguments row(String file, Map<String, String> options, int maskedChannels, int maskedPixels,
            double... ratios) {
        return Arguments.of(file, options, maskedChannels, maskedPixels, ratios);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("references")
    void matchesTheReference(String file, Map<String, String> options, int maskedChannels, int maskedPixels,
            double[] reference) throws IOException {
        Path path = Path.of(System.getProperty("sicube.shared"), "data", file);
        long start = System.nanoTime();
        WeightedPcaModel model = fit(path, new ReaderOptions(options));
        double seconds = (System.nanoTime() - start) * 1e-9;
        assertEquals(maskedChannels, model.maskedChannels(), "masked channels");
        assertEquals(maskedPixels, model.emptyPixels(), "masked pixels");
        double[] ratios = model.explainedVarianceRatios();
        double worst = 0;
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s %s (%.2f s):", file, options, seconds));
        for (int i = 0; i < reference.length; i++) {
            double relative = Math.abs(ratios[i] - reference[i]) / reference[i];
            worst = Math.max(worst, relative);
            line.append(String.format(Locale.ROOT, " %.9g/%s", ratios[i], reference[i]));
            // The reference is printed to 6 significant digits: half a unit of its last digit.
            double halfUnit = 0.5 * Math.pow(10, Math.floor(Math.log10(reference[i])) - 5);
            assertEquals(reference[i], ratios[i], halfUnit * (1 + 1e-9), "ratio " + (i + 1));
        }
        System.out.println(line.append(String.format(Locale.ROOT, "; max relative error %.2g; %s", worst,
                model.truncation().report())));
    }

    private static WeightedPcaModel fit(Path path, ReaderOptions options) throws IOException {
        try (SpectrumImageReader reader = Formats.open(new LocalInputFile(path), options)) {
            SpectrumImage header = reader.header();
            int channels = header.channels();
            WeightedGramAccumulator fit = WeightedGramAccumulator.zero(channels);
            for (int y0 = 0; y0 < header.ny(); y0 += TILE) {
                for (int x0 = 0; x0 < header.nx(); x0 += TILE) {
                    int h = Math.min(TILE, header.ny() - y0);
                    int w = Math.min(TILE, header.nx() - x0);
                    PixelBlock block = reader.readBlock(y0, x0, h, w);
                    fit.add(block.counts(), block.pixels(), channels);
                }
            }
            return WeightedPca.fit(fit.finish(false), 5, 1.05);
        }
    }
}
