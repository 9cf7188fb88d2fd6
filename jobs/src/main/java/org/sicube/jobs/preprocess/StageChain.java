package org.sicube.jobs.preprocess;

import org.sicube.datasets.model.PixelBlock;
import org.sicube.jobs.preprocess.stages.Stage;

/**
 * The first {@code count} stages of a pipeline as per-partition state (kernels and work arrays
 * built once), run spectrum by spectrum over a block: counts in, processed spectra and per-pixel
 * map values out. One per partition (not thread-safe).
 */
final class StageChain {
    private final Stage.Kernel[] kernels;
    private final double[][] mapValues;
    private final int inChannels;
    private final int outChannels;
    private final int maps;
    private final double[] work;

    StageChain(PipelineConfig config, double[][] references, int count) {
        kernels = new Stage.Kernel[count];
        mapValues = new double[count][];
        int m = 0;
        for (int i = 0; i < count; i++) {
            Stage s = config.stages().get(i);
            kernels[i] = s.kernel(config.grids().get(i), references[i]);
            mapValues[i] = new double[s.maps().size()];
            m += mapValues[i].length;
        }
        maps = m;
        inChannels = config.grids().get(0).channels();
        outChannels = config.grids().get(count).channels();
        work = new double[inChannels];
    }

    /** Runs the stages on the spectrum at {@code offset} of {@code counts}; the result is valid until the next call. */
    double[] spectrum(float[] counts, int offset) {
        double[] s = work;
        for (int i = 0; i < inChannels; i++) {
            s[i] = counts[offset + i];
        }
        for (int k = 0; k < kernels.length; k++) {
            s = kernels[k].apply(s, mapValues[k]);
        }
        return s;
    }

    /** Processes a whole block: the output block, its maps ({@code maps[m][pixel]}, row-major) and its total. */
    ProcessedBlock block(PixelBlock b) {
        float[] out = new float[b.pixels() * outChannels];
        float[][] m = new float[maps][b.pixels()];
        double total = 0;
        for (int p = 0; p < b.pixels(); p++) {
            double[] s = spectrum(b.counts(), p * inChannels);
            for (int i = 0; i < outChannels; i++) {
                float v = (float) s[i];
                out[p * outChannels + i] = v;
                total += v;
            }
            int j = 0;
            for (double[] values : mapValues) {
                for (double v : values) {
                    m[j++][p] = (float) v;
                }
            }
        }
        return new ProcessedBlock(new PixelBlock(b.y0(), b.x0(), b.height(), b.width(), outChannels, out), m, total);
    }

    /** Adds every processed spectrum of {@code b} to {@code sum}. */
    void addTo(PixelBlock b, ReferenceSum sum) {
        for (int p = 0; p < b.pixels(); p++) {
            sum.add(spectrum(b.counts(), p * inChannels));
        }
    }

    /**
     * A processed block, its per-pixel maps ({@code maps[m]} in the pipeline's map order) and its
     * total (summed as {@link PixelBlock#totalCounts}, in the same order, while the block is written).
     */
    record ProcessedBlock(PixelBlock block, float[][] maps, double total) implements java.io.Serializable {
    }
}
