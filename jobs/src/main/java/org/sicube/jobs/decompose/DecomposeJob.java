package org.sicube.jobs.decompose;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.sicube.datasets.model.SpectrumImage;
import org.sicube.jobs.core.SparkJob;
import org.sicube.jobs.run.RunDirectory;
import org.sicube.jobs.store.BlockStore;
import org.sicube.jobs.store.NonZeroBlocks;
import org.sicube.transforms.decomposition.MethodChoice;
import org.sicube.transforms.decomposition.RandomizedPca;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code decompose}: the Poisson-weighted (Keenan–Kotula) PCA of a block store (exact or randomized,
 * chosen by estimated cost unless {@code --method} says) into a run directory (loadings, scree, score maps and the model for {@code phasemap}), or with
 * {@code --method nmf} the NMF / MCR-ALS (component spectra, abundance maps, loss per iteration).
 */
@Command(name = "decompose", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Poisson-weighted PCA (loadings, scree plot, score maps, model) or NMF / MCR-ALS of a block store.")
public final class DecomposeJob extends SparkJob {

    @Option(names = "--store", required = true, paramLabel = "STORE", description = "Block store to read (local or hdfs://).")
    String store;

    @Option(names = "--output", required = true, paramLabel = "RUN", description = "Run directory to create.")
    String output;

    @Option(names = "--components", paramLabel = "K",
            description = "Components to keep (default: those above the Marchenko–Pastur noise edge).")
    Integer components;

    @Option(names = "--centre", description = "Subtract the weighted mean spectrum before the decomposition.")
    boolean centre;

    @Option(names = "--overwrite", description = "Replace an existing run directory at --output.")
    boolean overwrite;

    @Option(names = "--method", defaultValue = "pca", paramLabel = "pca|exact|randomized|nmf",
            description = "pca: Poisson-weighted PCA, exact or randomized by estimated cost; exact: full weighted Gram "
                    + "and eigen-decomposition; randomized: subspace iteration on the weighted data; nmf: non-negative "
                    + "factorisation by alternating NNLS (needs --components).")
    String method;

    @Option(names = "--oversampling", defaultValue = "" + RandomizedPca.DEFAULT_OVERSAMPLING, paramLabel = "P",
            description = "Randomized PCA: extra directions sketched beyond K (or beyond "
                    + RandomizedPca.AUTOMATIC_RANK + " when the truncation chooses K).")
    int oversampling;

    @Option(names = "--max-passes", defaultValue = "" + RandomizedPca.DEFAULT_PASSES, paramLabel = "Q",
            description = "Randomized PCA: at most this many power-iteration passes over the data.")
    int maxPasses;

    @Option(names = "--closure", description = "NMF: abundances of each pixel sum to 1.")
    boolean closure;

    @Option(names = "--fixed", paramLabel = "FILE.msa",
            description = "NMF: a known component spectrum (EMSA/MSA, on the store's energy axis), kept fixed; repeatable.")
    List<String> fixed = List.of();

    @Option(names = "--iterations", defaultValue = "" + NmfOptions.DEFAULT_ITERATIONS, paramLabel = "N",
            description = "NMF: at most this many ALS iterations.")
    int iterations;

    @Option(names = "--tolerance", defaultValue = "" + NmfOptions.DEFAULT_TOLERANCE, paramLabel = "T",
            description = "NMF: stop when the relative loss changes by less than this between iterations (0: run all).")
    double tolerance;

    @Option(names = "--unweighted", description = "NMF: plain least squares instead of the Poisson weighting.")
    boolean unweighted;

    private NmfOptions nmf;

    @Override
    protected void validate() throws Exception {
        if (components != null && components < 1) {
            throw new IllegalArgumentException("--components must be at least 1, got " + components);
        }
        SpectrumImage h = BlockStore.readHeader(store, new Configuration()).header();
        if (method.equals("nmf")) {
            if (components == null) {
                throw new IllegalArgumentException("--method nmf needs --components K");
            }
            if (centre) {
                throw new IllegalArgumentException("--centre is for --method pca; NMF factors the counts themselves");
            }
            nmf = new NmfOptions(components, closure, !unweighted, fixed.stream().map(FixedSpectra::name).toList(),
                    FixedSpectra.read(fixed, h.energy()), iterations, tolerance);
        } else if (!List.of("pca", MethodChoice.EXACT, MethodChoice.RANDOMIZED).contains(method)) {
            throw new IllegalArgumentException("--method must be pca, exact, randomized or nmf, got '" + method + "'");
        } else if (closure || !fixed.isEmpty() || unweighted) {
            throw new IllegalArgumentException("--closure, --fixed and --unweighted apply to --method nmf");
        } else if (oversampling < 0 || maxPasses < 1) {
            throw new IllegalArgumentException("--oversampling must be at least 0 and --max-passes at least 1, got "
                    + oversampling + " and " + maxPasses);
        }
    }

    @Override
    protected void run(SparkSession spark) throws Exception {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        SpectrumImage h = BlockStore.readHeader(store, conf).header();
        try (RunDirectory run = RunDirectory.begin(output, overwrite, conf, "decompose", store)) {
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("store", store);
            config.put("components", components == null ? "Marchenko-Pastur" : components);
            config.put("centre", centre);
            config.put("method", method);
            if (nmf == null) {
                config.put("oversampling", oversampling);
                config.put("maxPasses", maxPasses);
            }
            if (nmf != null) {
                config.put("closure", closure);
                config.put("fixed", fixed);
                config.put("weighting", unweighted ? "none" : "Poisson");
                config.put("iterations", iterations);
                config.put("tolerance", tolerance);
            }
            config.put("master", spark.sparkContext().master());
            run.manifest().config(config)
                    .input("spectrum image", h.sourceFile().isEmpty() ? store : h.sourceFile(), h.sourceSha256());
            try (NonZeroBlocks blocks = NonZeroBlocks.keptIfSmall(spark, store, h).reportTo(run)) {
                if (nmf != null) {
                    NmfStage.run(spark, blocks, h, run, nmf);
                } else {
                    DecomposeStage.run(spark, blocks, h, run, components, centre,
                            new PcaOptions(method.equals("pca") ? null : method, oversampling, maxPasses));
                }
            }
            run.commit();
            System.out.println("run directory: " + output);
        }
    }
}
