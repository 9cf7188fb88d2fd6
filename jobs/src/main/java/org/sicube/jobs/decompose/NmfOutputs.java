package org.sicube.jobs.decompose;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sicube.datasets.model.SpectrumImage;
import org.sicube.datasets.writers.plot.MapPng;
import org.sicube.datasets.writers.plot.SpectrumCsv;
import org.sicube.datasets.writers.plot.SpectrumPng;
import org.sicube.jobs.maps.BinnedMaps;
import org.sicube.jobs.run.RunDirectory;
import org.sicube.transforms.decomposition.nmf.LossHistory;
import org.sicube.transforms.decomposition.nmf.NmfModel;

/**
 * Writes an NMF into a run directory: {@code nmf_spectra.csv/.png} (the component spectra S, unit
 * sum each without closure, counts of a pixel with closure), {@code abundance_1.png …
 * abundance_K.png} (C per pixel, binned for display: counts from the component without closure,
 * fraction with closure), {@code nmf_loss.csv} (relative loss and its change per iteration) and
 * {@code nmf.json} (options, start pixels, convergence), each listed in the manifest.
 */
public final class NmfOutputs {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private NmfOutputs() {
    }

    /** Column names: the fixed spectra's names, then component_j for the free ones. */
    static List<String> names(NmfOptions o) {
        List<String> names = new ArrayList<>();
        for (int j = 0; j < o.components(); j++) {
            names.add(j < o.fixedCount() ? "fixed_" + o.fixedNames().get(j).replace(',', '_') : "component_" + (j + 1));
        }
        return names;
    }

    public static void write(RunDirectory run, SpectrumImage h, NmfOptions o, NmfFit.Result r, BinnedMaps maps)
            throws IOException {
        NmfModel m = r.model();
        int k = m.components();
        List<String> names = names(o);
        List<double[]> columns = new ArrayList<>();
        SpectrumPng png = SpectrumPng.of(h.energy()).title("NMF component spectra, K = " + k)
                .intensityLabel(o.closure() ? "counts per pixel of the pure component" : "fraction of the counts per channel");
        for (int j = 0; j < k; j++) {
            columns.add(m.spectrum(j));
            png.add(names.get(j), m.spectrum(j));
        }
        SpectrumCsv.write(run.localFile("nmf_spectra.csv"), h.energy(), names, columns);
        png.write(run.localFile("nmf_spectra.png"));
        run.manifest().output("nmf_spectra.csv", "NMF component spectra, one column per component")
                .output("nmf_spectra.png", "the NMF component spectra against energy");
        String binned = maps.bin() == 1 ? ""
                : String.format(Locale.ROOT, " (mean of %d×%d pixels per cell)", maps.bin(), maps.bin());
        String quantity = o.closure() ? "abundance (fraction)" : "counts from the component";
        for (int j = 0; j < k; j++) {
            String file = "abundance_" + (j + 1) + ".png";
            MapPng.of(maps.meanMap(j), maps.mapHeight(), maps.mapWidth())
                    .title("NMF abundance of " + names.get(j) + binned).quantity(quantity)
                    .pixelSize(h.pixelSize() * maps.bin(), h.pixelUnits()).write(run.localFile(file));
            run.manifest().output(file, "NMF abundance of " + names.get(j) + " per pixel" + binned);
        }
        LossHistory history = r.history();
        try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(run.create("nmf_loss.csv"), StandardCharsets.UTF_8))) {
            w.write("iteration,relative_loss,relative_change\n");
            for (int i = 0; i < history.iterations(); i++) {
                w.write((i + 1) + "," + history.losses().get(i) + "," + (i == 0 ? "" : history.change(i)) + "\n");
            }
        }
        writeJson(run, h, o, r, names);
        ModelFiles.writeNmf(run, m);
        run.manifest().output("nmf_loss.csv", "relative weighted loss and its relative change per ALS iteration")
                .output("nmf.json", "NMF options, start pixels, convergence and the energy axis")
                .output(ModelFiles.NMF_BINARY, "the NMF model (Java serialization), input of 'sicube anomaly'")
                .count("nmfComponents", k).count("nmfIterations", history.iterations());
    }

    private static void writeJson(RunDirectory run, SpectrumImage h, NmfOptions o, NmfFit.Result r, List<String> names)
            throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("components", o.components());
        root.put("closure", o.closure());
        root.put("weighting", o.poisson() ? "Poisson (channels 1/b_e, pixels 1/a_n)" : "none");
        ArrayNode n = root.putArray("names");
        names.forEach(n::add);
        root.put("initialisation", "successive projections on the Poisson-weighted PCA points r_n = s_n / sqrt(a_n)");
        ArrayNode picks = root.putArray("startPixels");
        for (long p : r.picks()) {
            picks.addObject().put("y", p / h.nx()).put("x", p % h.nx());
        }
        root.put("iterations", r.history().iterations());
        root.put("maxIterations", o.iterations());
        root.put("tolerance", o.tolerance());
        root.put("converged", r.converged());
        root.put("relativeLoss", r.history().losses().get(r.history().iterations() - 1));
        ObjectNode axis = root.putObject("energyAxis");
        axis.put("offset", h.energy().offset());
        axis.put("scale", h.energy().scale());
        axis.put("units", h.energy().units());
        axis.put("size", h.energy().size());
        try (OutputStream out = run.create("nmf.json")) {
            out.write(MAPPER.writeValueAsBytes(root));
        }
    }
}
