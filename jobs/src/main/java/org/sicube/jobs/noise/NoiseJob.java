package org.sicube.jobs.noise;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.sicube.datasets.model.BlockGrid;
import org.sicube.datasets.model.PixelBlock;
import org.sicube.datasets.store.HeaderJson;
import org.sicube.jobs.core.Progress;
import org.sicube.jobs.core.SparkJob;
import org.sicube.jobs.run.RunDirectory;
import org.sicube.jobs.store.BlockStore;
import org.sicube.transforms.noise.NeighbourDifferences;
import org.sicube.transforms.noise.VarianceMean;
import org.sicube.transforms.noise.VarianceMeanFit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code noise}: detector gain and read noise of a store of raw digital numbers by the
 * variance–mean method, from neighbouring-pixel differences of a spatially smooth image or from
 * two acquisitions of the same region; writes {@code noise.json}, {@code variance_mean.csv} and
 * {@code variance_mean.png}.
 */
@Command(name = "noise", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Detector gain g (DN per count) and read variance σr² (DN²) by the variance–mean method.")
public final class NoiseJob extends SparkJob {

    @Option(names = "--store", required = true, paramLabel = "STORE", description = "Block store of raw detector values (DN).")
    String store;

    @Option(names = "--output", required = true, paramLabel = "RUN", description = "Run directory to create.")
    String output;

    @Option(names = "--method", defaultValue = "neighbours", paramLabel = "METHOD",
            description = "neighbours (horizontal neighbour pairs: the image must be smooth on the pixel scale) "
                    + "or frames (the same pixel in --store and --second, two acquisitions of one region).")
    String method;

    @Option(names = "--second", paramLabel = "STORE", description = "Second acquisition (frames method), same shape and tiling.")
    String second;

    @Option(names = "--bins", defaultValue = "100", paramLabel = "N", description = "Equal-width mean-level bins.")
    int bins;

    @Option(names = "--mean-range", split = ",", paramLabel = "FROM,TO",
            description = "Pair means binned, DN (default: the data's minimum to maximum; narrow it when a few channels are far brighter).")
    double[] meanRange;

    @Option(names = "--min-pairs", defaultValue = "100", paramLabel = "N", description = "Fewest pixel pairs for a bin to enter the fit.")
    long minPairs;

    @Option(names = "--offset", defaultValue = "0", paramLabel = "DN", description = "Detector offset (bias) in DN, subtracted from the means.")
    double offset;

    @Option(names = "--overwrite", description = "Replace an existing run directory at --output.")
    boolean overwrite;

    private HeaderJson.Parsed header;

    @Override
    protected void validate() throws Exception {
        if (!method.equals("neighbours") && !method.equals("frames")) {
            throw new IllegalArgumentException("--method must be neighbours or frames, got '" + method + "'");
        }
        if (method.equals("frames") != (second != null)) {
            throw new IllegalArgumentException(method.equals("frames") ? "--method frames needs --second STORE"
                    : "--second is only used with --method frames");
        }
        if (bins < 2) {
            throw new IllegalArgumentException("--bins must be ≥ 2, got " + bins);
        }
        if (meanRange != null && (meanRange.length != 2 || !(meanRange[0] < meanRange[1]))) {
            throw new IllegalArgumentException("--mean-range must be FROM,TO with FROM < TO (DN)");
        }
        if (minPairs < 2) {
            throw new IllegalArgumentException("--min-pairs must be ≥ 2, got " + minPairs);
        }
        header = BlockStore.readHeader(store, new Configuration());
        if (second != null) {
            SameTiling.require(header, store, BlockStore.readHeader(second, new Configuration()), second);
        }
    }

    @Override
    protected void run(SparkSession spark) throws Exception {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        var h = header.header();
        long nBlocks = new BlockGrid(h.ny(), h.nx(), header.blockHeight(), header.blockWidth()).size();
        String[] inputs = second == null ? new String[] {store} : new String[] {store, second};
        try (RunDirectory run = RunDirectory.begin(output, overwrite, conf, "noise", inputs)) {
            JavaRDD<PixelBlock> blocks = BlockStore.readBlocks(spark, store);
            double[] range = meanRange;
            long t0 = System.nanoTime();
            if (range == null) {
                try (Progress p = Progress.start(sc, "noise: value range", nBlocks, h.spectra())) {
                    range = NoisePass.valueRange(blocks);
                    p.done();
                }
                // Widen by a hair so the largest value falls inside the last bin.
                range[1] += 1e-9 * Math.max(1, Math.abs(range[1] - range[0]));
            }
            if (!(range[1] > range[0])) {
                throw new IllegalArgumentException(store + ": every value is " + range[0]
                        + "; a variance–mean fit needs a range of signal levels");
            }
            long t1 = System.nanoTime();
            NeighbourDifferences zero = new NeighbourDifferences(range[0], range[1], bins);
            NeighbourDifferences d;
            try (Progress p = Progress.start(sc, "noise: " + method + " pair differences", nBlocks, h.spectra())) {
                d = second == null ? NoisePass.neighbours(blocks, zero)
                        : NoisePass.frames(blocks, BlockStore.readBlocks(spark, second), zero);
                p.done();
            }
            long t2 = System.nanoTime();
            NoiseEstimate e = NoiseEstimate.of(method, fit(d), offset, pairsFitted(d));
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("store", store);
            config.put("method", method);
            if (second != null) {
                config.put("second", second);
            }
            config.put("bins", bins);
            config.put("meanRangeDn", range);
            config.put("minPairs", minPairs);
            config.put("offsetDn", offset);
            config.put("master", spark.sparkContext().master());
            run.manifest().config(config)
                    .input("raw spectrum image", h.sourceFile().isEmpty() ? store : h.sourceFile(), h.sourceSha256())
                    .stage("value range", (t1 - t0) / 1e9).stage("pair differences", (t2 - t1) / 1e9);
            NoiseOutputs.write(run, d, minPairs, e);
            run.commit();
            System.out.printf(Locale.ROOT, "gain g = %.5g ± %.2g DN per count, read variance σr² = %.5g ± %.2g DN² "
                    + "(σr = %.4g DN); %d bins, %d pairs, %s → %s%n", e.gain(), e.gainError(), e.readVariance(),
                    e.readVarianceError(), e.readNoise(), e.points(), e.pairs(), method, output);
        }
    }

    /** The fit on means measured from the detector offset. */
    private VarianceMeanFit fit(NeighbourDifferences d) {
        int n = d.bins();
        double[] m = new double[n];
        double[] v = new double[n];
        long[] c = new long[n];
        for (int b = 0; b < n; b++) {
            m[b] = d.mean(b) - offset;
            v[b] = d.variance(b);
            c[b] = d.pairs(b) >= minPairs ? d.pairs(b) : 0;
        }
        try {
            return VarianceMean.fitWithErrors(m, v, c);
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException(store + ": " + ex.getMessage() + " of ≥ " + minPairs
                    + " pairs; lower --min-pairs, set --mean-range or use a larger image");
        }
    }

    /** Pixel pairs in the bins that entered the fit. */
    private long pairsFitted(NeighbourDifferences d) {
        long n = 0;
        for (int b = 0; b < d.bins(); b++) {
            n += d.pairs(b) >= minPairs && d.variance(b) > 0 ? d.pairs(b) : 0;
        }
        return n;
    }
}
