package org.sicube.jobs.preprocess;

import org.sicube.datasets.model.PixelBlock;
import org.sicube.jobs.preprocess.stages.SpatialStage;
import org.sicube.jobs.preprocess.stages.Stage;
import org.sicube.jobs.preprocess.stages.WorkBlock;

/**
 * The first {@code count} stages of a (bound) pipeline as per-partition state, kernels and work
 * arrays built once: a block goes through runs of spectral stages pixel by pixel and through
 * spatial stages whole. Counts in, processed spectra and per-pixel map values out. One per
 * partition (not thread-safe).
 */
final class StageChain {
    private final PipelineConfig config;
    private final int count;
    private final Stage.Kernel[] kernels;
    private final SpatialStage.BlockKernel[] blockKernels;
    private final double[][] mapValues;
    private final int[] firstMap;
    private final int maps;
    private final boolean spectralOnly;

    StageChain(PipelineConfig config, int count) {
        this.config = config;
        this.count = count;
        kernels = new Stage.Kernel[count];
        blockKernels = new SpatialStage.BlockKernel[count];
        mapValues = new double[count][];
        firstMap = new int[count];
        int m = 0;
        for (int i = 0; i < count; i++) {
            Stage s = config.stages().get(i);
            if (s instanceof SpatialStage spatial) {
                blockKernels[i] = spatial.blockKernel(config.grids().get(i), config.shapes().get(i));
            } else {
                kernels[i] = s.kernel(config.grids().get(i));
            }
            mapValues[i] = new double[s.maps().size()];
            firstMap[i] = m;
            m += mapValues[i].length;
        }
        maps = m;
        boolean spectral = true;
        for (SpatialStage.BlockKernel k : blockKernels) {
            spectral &= k == null;
        }
        spectralOnly = spectral;
    }

    /** Runs the stages over block {@code b}. */
    WorkBlock run(PixelBlock b) {
        float[] counts = b.counts();
        double[] data = new double[counts.length];
        for (int i = 0; i < data.length; i++) {
            data[i] = counts[i];
        }
        WorkBlock w = new WorkBlock(b.y0(), b.x0(), b.height(), b.width(), b.channels(), data,
                new double[maps][b.pixels()]);
        int i = 0;
        while (i < count) {
            if (blockKernels[i] != null) {
                blockKernels[i].apply(w, firstMap[i]);
                i++;
            } else {
                int end = i;
                while (end < count && blockKernels[end] == null) {
                    end++;
                }
                spectral(w, i, end);
                i = end;
            }
        }
        return w;
    }

    /** Runs spectral stages [from, to) spectrum by spectrum. */
    private void spectral(WorkBlock w, int from, int to) {
        int in = config.grids().get(from).channels();
        int out = config.grids().get(to).channels();
        double[] result = new double[w.pixels() * out];
        double[] work = new double[in];
        for (int p = 0; p < w.pixels(); p++) {
            System.arraycopy(w.data, p * in, work, 0, in);
            double[] s = work;
            for (int k = from; k < to; k++) {
                s = kernels[k].apply(s, mapValues[k]);
                for (int m = 0; m < mapValues[k].length; m++) {
                    w.maps[firstMap[k] + m][p] = mapValues[k][m];
                }
            }
            System.arraycopy(s, 0, result, p * out, out);
        }
        w.data = result;
        w.channels = out;
    }

    /** Processes a whole block: the output block (null when binning left no pixel) and the maps as float. */
    ProcessedBlock block(PixelBlock b) {
        if (count == 0) {
            return ProcessedBlock.of(b, new float[0][]);
        }
        if (spectralOnly) {
            return spectralBlock(b);
        }
        WorkBlock w = run(b);
        if (w.pixels() == 0) {
            return new ProcessedBlock(null, null, 0);
        }
        float[] out = new float[w.data.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) w.data[i];
        }
        float[][] m = new float[maps][w.pixels()];
        for (int j = 0; j < maps; j++) {
            for (int p = 0; p < w.pixels(); p++) {
                m[j][p] = (float) w.maps[j][p];
            }
        }
        return ProcessedBlock.of(new PixelBlock(w.y0, w.x0, w.height, w.width, w.channels, out), m);
    }

    /**
     * {@link #block} for a chain of spectral stages only: pixel by pixel from the counts straight
     * into the float output, without the whole-block work arrays (two of 16 MB for a block of
     * 1024 × 2048); the same values and maps.
     */
    private ProcessedBlock spectralBlock(PixelBlock b) {
        int in = b.channels();
        int out = config.grids().get(count).channels();
        int pixels = b.pixels();
        float[] counts = b.counts();
        float[] result = new float[pixels * out];
        float[][] m = new float[maps][pixels];
        double[] work = new double[in];
        for (int p = 0; p < pixels; p++) {
            int base = p * in;
            for (int e = 0; e < in; e++) {
                work[e] = counts[base + e];
            }
            double[] s = work;
            for (int k = 0; k < count; k++) {
                s = kernels[k].apply(s, mapValues[k]);
                for (int j = 0; j < mapValues[k].length; j++) {
                    m[firstMap[k] + j][p] = (float) mapValues[k][j];
                }
            }
            int o = p * out;
            for (int e = 0; e < out; e++) {
                result[o + e] = (float) s[e];
            }
        }
        return ProcessedBlock.of(new PixelBlock(b.y0(), b.x0(), b.height(), b.width(), out, result), m);
    }

    /**
     * A processed block, its per-pixel maps ({@code maps[m]} in the pipeline's map order) and its
     * total ({@link PixelBlock#totalCounts}).
     */
    record ProcessedBlock(PixelBlock block, float[][] maps, double total) implements java.io.Serializable {
        static ProcessedBlock of(PixelBlock block, float[][] maps) {
            return new ProcessedBlock(block, maps, block.totalCounts());
        }
    }
}
