package org.sicube.jobs.decompose;

import java.util.Locale;
import org.apache.spark.sql.SparkSession;
import org.sicube.datasets.model.SpectrumImage;
import org.sicube.jobs.run.RunDirectory;
import org.sicube.jobs.store.NonZeroBlocks;
import org.sicube.transforms.anomaly.ComponentSupport;
import org.sicube.transforms.decomposition.MethodChoice;
import org.sicube.transforms.decomposition.WeightedPcaModel;

/**
 * The decomposition as one stage of a run (the {@code decompose} job and the pipeline): choose the
 * exact or randomized path, fit, state the method and the truncation on the console and in the
 * manifest, compute the score maps, write the outputs.
 */
public final class DecomposeStage {
    private DecomposeStage() {
    }

    /**
     * The fitted model, how many pixels carry each of its components and, when asked for, every
     * pixel's unit score vector (else null; the caller closes it).
     */
    public record Fitted(WeightedPcaModel model, ComponentSupport support, KeptUnitScores unitScores) {
    }

    /** The method chosen by estimated cost; {@code components} null lets the truncation choose K. */
    public static WeightedPcaModel run(SparkSession spark, NonZeroBlocks blocks, SpectrumImage h, RunDirectory run,
            Integer components, boolean centre) throws Exception {
        return fit(spark, blocks, h, run, components, centre, PcaOptions.AUTOMATIC, KeptUnitScores.Where.NOWHERE).model();
    }

    /** {@code components} null lets the truncation choose K. Returns the fitted model. */
    public static WeightedPcaModel run(SparkSession spark, NonZeroBlocks blocks, SpectrumImage h, RunDirectory run,
            Integer components, boolean centre, PcaOptions options) throws Exception {
        return fit(spark, blocks, h, run, components, centre, options, KeptUnitScores.Where.NOWHERE).model();
    }

    /**
     * As {@link #run}, also returning the components' support (written to {@link ComponentSupportFile})
     * and every pixel's unit score vector from the score pass, kept where {@code keep} says (the input
     * of a phase map that follows, which then needs no pass over the store to cluster them).
     */
    public static Fitted fit(SparkSession spark, NonZeroBlocks blocks, SpectrumImage h, RunDirectory run,
            Integer components, boolean centre, PcaOptions options, KeptUnitScores.Where keep) throws Exception {
        long t = System.nanoTime();
        int k = components == null ? -1 : components;
        MethodChoice choice = MethodChoice.choose(h.spectra(), h.channels(), h.totalCounts(), k,
                options.oversampling(), options.method());
        System.out.println("decompose: method " + choice.reason());
        WeightedPcaModel model = choice.method().equals(MethodChoice.EXACT)
                ? Decomposition.fit(spark, blocks, k, centre)
                : RandomizedDecomposition.fit(spark, blocks, k, centre, options.oversampling(), options.maxPasses());
        String criterion = components == null ? model.truncation().report()
                : "K = " + model.components() + " given by --components; the truncation would choose: "
                        + model.truncation().report();
        System.out.println("decompose: " + criterion);
        double[] r = model.explainedVarianceRatios();
        StringBuilder first = new StringBuilder("decompose: explained-variance ratios");
        for (int i = 0; i < Math.min(5, r.length); i++) {
            first.append(String.format(Locale.ROOT, " %.6g", r[i]));
        }
        System.out.println(first);
        ScoreSummary scores = Decomposition.scoreMaps(spark, blocks, model, keep);
        DecompositionOutputs.write(run, h, model, scores.maps(), centre, choice);
        ComponentSupportFile.write(run, scores.support());
        run.manifest().config(java.util.Map.of("truncation", criterion, "pcaMethod", choice.reason()))
                .stage("decompose", (System.nanoTime() - t) / 1e9);
        return new Fitted(model, scores.support(), scores.kept());
    }
}
