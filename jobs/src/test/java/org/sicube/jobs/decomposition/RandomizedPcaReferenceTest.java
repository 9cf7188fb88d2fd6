package org.sicube.jobs.decomposition;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sicube.datasets.formats.Formats;
import org.sicube.datasets.formats.ReaderOptions;
import org.sicube.datasets.formats.SpectrumImageReader;
import org.sicube.datasets.io.LocalInputFile;
import org.sicube.datasets.model.PixelBlock;
import org.sicube.datasets.model.SpectrumImage;
import org.sicube.transforms.decomposition.ChannelSums;
import org.sicube.transforms.decomposition.RandomizedPca;
import org.sicube.transforms.decomposition.SketchAccumulator;
import org.sicube.transforms.decomposition.Truncation;
import org.sicube.transforms.decomposition.WeightedPcaModel;

/**
 * The randomized Poisson-weighted PCA of each measured file (the rows of {@code data/REFERENCE.md},
 * as in {@link WeightedPcaReferenceTest}) with the truncation choosing K: the first five
 * explained-variance ratios within 10⁻⁴ relative of HyperSpy's exact SVD, and the same result
 * (10⁻⁹ relative) whether the image is cut into 32 × 32 tiles summed in order or 7 × 13 tiles
 * summed as three partitions merged in reverse, as Spark's tree aggregation would.
 */
class RandomizedPcaReferenceTest {

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("org.sicube.jobs.decomposition.WeightedPcaReferenceTest#references")
    void matchesTheReferenceForAnyPartitioning(String file, Map<String, String> options, int maskedChannels,
            int maskedPixels, double[] reference) throws IOException {
        Path path = Path.of(System.getProperty("sicube.shared"), "data", file);
        WeightedPcaModel whole = fit(tiles(path, new ReaderOptions(options), 32, 32), 1);
        WeightedPcaModel split = fit(tiles(path, new ReaderOptions(options), 7, 13), 3);
        assertEquals(maskedChannels, whole.maskedChannels(), "masked channels");
        assertEquals(maskedPixels, whole.emptyPixels(), "masked pixels");
        double[] ratios = whole.explainedVarianceRatios();
        double[] other = split.explainedVarianceRatios();
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s %s randomized:", file, options));
        for (int i = 0; i < reference.length; i++) {
            line.append(String.format(Locale.ROOT, " %.9g/%s", ratios[i], reference[i]));
            assertEquals(reference[i], ratios[i], 1e-4 * reference[i], "ratio " + (i + 1));
            assertEquals(ratios[i], other[i], 1e-9 * ratios[i], "ratio " + (i + 1) + " across partitionings");
        }
        assertEquals(whole.components(), split.components(), "K across partitionings");
        System.out.println(line.append("; ").append(whole.truncation().report()));
    }

    /** The image's blocks in tiles of {@code th × tw} pixels, row-major. */
    private static List<PixelBlock> tiles(Path path, ReaderOptions options, int th, int tw) throws IOException {
        List<PixelBlock> blocks = new ArrayList<>();
        try (SpectrumImageReader reader = Formats.open(new LocalInputFile(path), options)) {
            SpectrumImage h = reader.header();
            for (int y0 = 0; y0 < h.ny(); y0 += th) {
                for (int x0 = 0; x0 < h.nx(); x0 += tw) {
                    blocks.add(reader.readBlock(y0, x0, Math.min(th, h.ny() - y0), Math.min(tw, h.nx() - x0)));
                }
            }
        }
        return blocks;
    }

    /** The driver loop of the randomized path with each pass summed over {@code partitions} parts, merged last first. */
    private static WeightedPcaModel fit(List<PixelBlock> blocks, int partitions) {
        int channels = blocks.get(0).channels();
        ChannelSums[] sums = new ChannelSums[partitions];
        for (int p = 0; p < partitions; p++) {
            sums[p] = ChannelSums.zero(channels);
        }
        for (int i = 0; i < blocks.size(); i++) {
            PixelBlock b = blocks.get(i);
            sums[i % partitions].add(b.counts(), b.pixels(), b.channels());
        }
        for (int p = partitions - 2; p >= 0; p--) {
            sums[partitions - 1].merge(sums[p]);
        }
        RandomizedPca pca = new RandomizedPca(sums[partitions - 1].finish(false), -1,
                RandomizedPca.DEFAULT_OVERSAMPLING, RandomizedPca.DEFAULT_PASSES, RandomizedPca.SEED);
        boolean done = false;
        while (!done) {
            SketchAccumulator[] parts = new SketchAccumulator[partitions];
            for (int p = 0; p < partitions; p++) {
                parts[p] = pca.nextPass();
            }
            for (int i = 0; i < blocks.size(); i++) {
                PixelBlock b = blocks.get(i);
                parts[i % partitions].add(b.counts(), b.pixels(), b.channels());
            }
            for (int p = partitions - 2; p >= 0; p--) {
                parts[partitions - 1].merge(parts[p]);
            }
            done = pca.update(parts[partitions - 1]);
        }
        return pca.model(Truncation.DEFAULT_SAFETY);
    }
}
