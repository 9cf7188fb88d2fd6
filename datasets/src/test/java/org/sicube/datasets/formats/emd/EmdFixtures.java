package org.sicube.datasets.formats.emd;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.sicube.datasets.formats.Formats;
import org.sicube.datasets.formats.ReaderOptions;
import org.sicube.datasets.formats.SpectrumImageReader;
import org.sicube.datasets.io.InputFiles;
import org.sicube.datasets.model.PixelBlock;
import org.sicube.datasets.model.SpectrumImage;

/** The measured Velox files of the shared data folder, and whole-image and tiled reads of them. */
final class EmdFixtures {
    static final String SUPERX = "fei_SI_SuperX-HAADF_20frames_10x50.emd";
    static final String SI = "fei_emd_si.emd";
    static final String EELS_EDS = "example_velox_EELS_EDS.emd";

    private EmdFixtures() {
    }

    static Path data(String name) {
        return Path.of(System.getProperty("sicube.shared"), "data", name).toAbsolutePath().normalize();
    }

    static SpectrumImageReader open(Path file, String... options) throws IOException {
        return Formats.open(InputFiles.of(file.toString()), ReaderOptions.parse(Arrays.asList(options)));
    }

    static float[] whole(SpectrumImageReader r) throws IOException {
        SpectrumImage h = r.header();
        return r.readBlock(0, 0, h.ny(), h.nx()).counts();
    }

    /** The image assembled from {@code bh × bw} tiles (edge tiles cropped), in whole-image layout. */
    static float[] tiled(SpectrumImageReader r, int bh, int bw) throws IOException {
        SpectrumImage h = r.header();
        int e = h.channels();
        float[] out = new float[h.ny() * h.nx() * e];
        for (int y0 = 0; y0 < h.ny(); y0 += bh) {
            for (int x0 = 0; x0 < h.nx(); x0 += bw) {
                PixelBlock b = r.readBlock(y0, x0, Math.min(bh, h.ny() - y0), Math.min(bw, h.nx() - x0));
                for (int y = 0; y < b.height(); y++) {
                    for (int x = 0; x < b.width(); x++) {
                        System.arraycopy(b.counts(), b.offsetOf(y0 + y, x0 + x), out,
                                ((y0 + y) * h.nx() + x0 + x) * e, e);
                    }
                }
            }
        }
        return out;
    }

    static double sum(float[] v) {
        double s = 0;
        for (float f : v) {
            s += f;
        }
        return s;
    }
}
