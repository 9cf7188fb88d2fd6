package org.sicube.jobs.decompose;

import java.util.Locale;
import org.apache.spark.sql.SparkSession;
import org.sicube.datasets.model.SpectrumImage;
import org.sicube.jobs.run.RunDirectory;
import org.sicube.transforms.anomaly.ComponentSupport;
import org.sicube.transforms.decomposition.WeightedPcaModel;

/**
 * The decomposition as one stage of a run (the {@code decompose} job and the pipeline): fit, state
 * the truncation on the console and in the manifest, compute the score maps, write the outputs.
 */
public final class DecomposeStage {
    private DecomposeStage() {
    }

    /** The fitted model and how many pixels carry each of its components. */
    public record Fitted(WeightedPcaModel model, ComponentSupport support) {
    }

    /** {@code components} null lets the truncation choose K. Returns the fitted model. */
    public static WeightedPcaModel run(SparkSession spark, String store, SpectrumImage h, RunDirectory run,
            Integer components, boolean centre) throws Exception {
        return fit(spark, store, h, run, components, centre).model();
    }

    /** As {@link #run}, also returning the components' support (written to {@link ComponentSupportFile}). */
    public static Fitted fit(SparkSession spark, String store, SpectrumImage h, RunDirectory run,
            Integer components, boolean centre) throws Exception {
        long t = System.nanoTime();
        WeightedPcaModel model = Decomposition.fit(spark, store, components == null ? -1 : components, centre);
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
        ScoreSummary scores = Decomposition.scoreMaps(spark, store, model);
        DecompositionOutputs.write(run, h, model, scores.maps(), centre);
        ComponentSupportFile.write(run, scores.support());
        run.manifest().config(java.util.Map.of("truncation", criterion))
                .stage("decompose", (System.nanoTime() - t) / 1e9);
        return new Fitted(model, scores.support());
    }
}
