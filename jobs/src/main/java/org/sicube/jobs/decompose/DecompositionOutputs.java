package org.sicube.jobs.decompose;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sicube.datasets.model.SpectrumImage;
import org.sicube.datasets.writers.plot.MapPng;
import org.sicube.datasets.writers.plot.ScreePng;
import org.sicube.datasets.writers.plot.SpectrumCsv;
import org.sicube.datasets.writers.plot.SpectrumPng;
import org.sicube.jobs.core.SideBySide;
import org.sicube.jobs.maps.BinnedMaps;
import org.sicube.jobs.run.RunDirectory;
import org.sicube.transforms.decomposition.MethodChoice;
import org.sicube.transforms.decomposition.WeightedPcaModel;

/**
 * Writes a decomposition into a run directory: {@code loadings.csv/.png} (un-weighted loadings
 * diag(√b)·V, one column per component), {@code scree.csv/.png} (every computed eigenvalue and its
 * explained-variance ratio, K marked), {@code score_1.png … score_K.png} (weighted scores per
 * pixel, binned for display) and the model ({@link ModelFiles}), each listed in the manifest.
 */
public final class DecompositionOutputs {
    private DecompositionOutputs() {
    }

    public static void write(RunDirectory run, SpectrumImage h, WeightedPcaModel model, BinnedMaps scores,
            boolean centred, MethodChoice choice) throws IOException {
        int k = model.components();
        double[] loadings = model.loadings();
        if (k > 0) {
            List<String> names = new ArrayList<>();
            List<double[]> columns = new ArrayList<>();
            SpectrumPng png = SpectrumPng.of(h.energy()).title("Loadings (un-weighted), K = " + k)
                    .intensityLabel("loading (counts^½ scale)");
            for (int c = 0; c < k; c++) {
                double[] col = java.util.Arrays.copyOfRange(loadings, c * h.channels(), (c + 1) * h.channels());
                names.add("component_" + (c + 1));
                columns.add(col);
                png.add("component " + (c + 1), col);
            }
            SpectrumCsv.write(run.localFile("loadings.csv"), h.energy(), names, columns);
            png.write(run.localFile("loadings.png"));
            run.manifest().output("loadings.csv", "un-weighted loadings diag(√b)·V per channel, one column per component")
                    .output("loadings.png", "the loadings against energy");
        }
        writeScree(run, model);
        String binned = scores.bin() == 1 ? ""
                : String.format(Locale.ROOT, " (mean of %d×%d pixels per cell)", scores.bin(), scores.bin());
        Path[] files = new Path[k];
        for (int c = 0; c < k; c++) {
            files[c] = run.localFile(scoreFile(c));
        }
        SideBySide.run(k, c -> MapPng.of(scores.meanMap(c), scores.mapHeight(), scores.mapWidth())
                .title("Score of component " + (c + 1) + binned)
                .quantity("weighted score")
                .pixelSize(h.pixelSize() * scores.bin(), h.pixelUnits())
                .write(files[c]));
        for (int c = 0; c < k; c++) {
            run.manifest().output(scoreFile(c), "weighted score of component " + (c + 1) + " per pixel" + binned);
        }
        ModelFiles.write(run, model, centred, h.energy(), choice);
        run.manifest().output(ModelFiles.BINARY, "the fitted model (Java serialization), input of 'sicube phasemap'")
                .output(ModelFiles.JSON, "K, truncation, explained-variance ratios, masks, trace, N")
                .count("components", k)
                .count("maskedChannels", model.maskedChannels())
                .count("emptyPixels", model.emptyPixels());
    }

    private static String scoreFile(int component) {
        return "score_" + (component + 1) + ".png";
    }

    private static void writeScree(RunDirectory run, WeightedPcaModel model) throws IOException {
        double[] eig = model.eigenvalues();
        double[] ratios = model.explainedVarianceRatios();
        try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(run.create("scree.csv"), StandardCharsets.UTF_8))) {
            // the randomized path computes only its L leading eigenvalues; the ratios are still over the exact trace
            w.write("component,eigenvalue,explained_variance_ratio\n");
            for (int i = 0; i < eig.length; i++) {
                w.write((i + 1) + "," + eig[i] + "," + ratios[i] + "\n");
            }
        }
        int k = model.components();
        ScreePng.of(ratios).show(Math.max(20, 2 * k)).chosen(k)
                .title(k == model.truncation().components()
                        ? "Scree: Poisson-weighted PCA, K = " + k + " by the Marchenko–Pastur edge"
                        : "Scree: Poisson-weighted PCA, K = " + k + " given (the Marchenko–Pastur edge gives "
                                + model.truncation().components() + ")")
                .write(run.localFile("scree.png"));
        run.manifest().output("scree.csv", "the computed eigenvalues of the weighted Gram (all for the exact path, "
                + "the L leading ones for the randomized path) and their explained-variance ratios")
                .output("scree.png", "explained-variance ratio per component (log scale), K marked");
    }
}
