package org.sicube.jobs.synthesize;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.sicube.datasets.writers.NpyWriter;
import org.sicube.transforms.synthetic.EdsGenerator;
import org.sicube.transforms.synthetic.EelsGenerator;
import org.sicube.transforms.synthetic.Phase;

/**
 * The answers a synthetic image was made from, written to {@code truth/} beside its blocks:
 * {@code labels.npy} (uint8 phase label per pixel), {@code phases.json} (names, compositions or
 * edges), {@code phase_spectra.csv} (noiseless spectrum per phase, EDS), {@code rare_pixels.csv}
 * (y, x of every rare-phase pixel), and for EELS {@code drift_ev.npy}, {@code amplitude.npy},
 * {@code exponent.npy}, {@code jump_ratio.npy}. Maps are computed on the driver row by row from
 * the same functions the executors use, and streamed: memory is one row.
 */
final class GroundTruth {
    static final String DIR = "truth";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private GroundTruth() {
    }

    static void writeEds(FileSystem fs, Path store, EdsGenerator g) throws IOException {
        Path dir = new Path(store, DIR);
        int ny = g.spec().height();
        int nx = g.spec().width();
        try (NpyWriter w = NpyWriter.uint8(fs.create(new Path(dir, "labels.npy")), ny, nx)) {
            byte[] row = new byte[nx];
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    row[x] = (byte) g.label(y, x);
                }
                w.writeRow(row);
            }
        }
        ObjectNode root = MAPPER.createObjectNode();
        root.put("kind", "EDS");
        root.put("meanCountsPerPixel", g.spec().meanCounts());
        root.put("rareLabel", g.rareLabel());
        ArrayNode phases = root.putArray("phases");
        for (int label = 0; label < g.phases().size(); label++) {
            Phase p = g.phases().get(label);
            ObjectNode o = phases.addObject();
            o.put("label", label);
            o.put("name", p.name());
            o.put("rare", label == g.rareLabel());
            ObjectNode c = o.putObject("atomicPercent");
            p.atomicPercent().forEach(c::put);
        }
        writeJson(fs, new Path(dir, "phases.json"), root);
        try (PrintWriter out = writer(fs, new Path(dir, "phase_spectra.csv"))) {
            StringBuilder head = new StringBuilder("channel,energy_eV");
            g.phases().forEach(p -> head.append(',').append(p.name().replace(',', ' ')));
            out.println(head);
            double[][] spectra = new double[g.phases().size()][];
            for (int l = 0; l < spectra.length; l++) {
                spectra[l] = g.phaseSpectrum(l);
            }
            for (int e = 0; e < g.spec().grid().channels(); e++) {
                StringBuilder line = new StringBuilder().append(e).append(',')
                        .append(fmt(g.spec().grid().offsetEv() + e * g.spec().grid().scaleEv()));
                for (double[] s : spectra) {
                    line.append(',').append(fmt(s[e]));
                }
                out.println(line);
            }
        }
        try (PrintWriter out = writer(fs, new Path(dir, "rare_pixels.csv"))) {
            out.println("y,x");
            for (long p : g.rarePixels()) {
                out.println(p / nx + "," + p % nx);
            }
        }
    }

    static void writeEels(FileSystem fs, Path store, EelsGenerator g) throws IOException {
        Path dir = new Path(store, DIR);
        int ny = g.spec().height();
        int nx = g.spec().width();
        try (NpyWriter labels = NpyWriter.uint8(fs.create(new Path(dir, "labels.npy")), ny, nx);
             NpyWriter drift = NpyWriter.float32(fs.create(new Path(dir, "drift_ev.npy")), ny, nx);
             NpyWriter amplitude = NpyWriter.float32(fs.create(new Path(dir, "amplitude.npy")), ny, nx);
             NpyWriter exponent = NpyWriter.float32(fs.create(new Path(dir, "exponent.npy")), ny, nx);
             NpyWriter jump = NpyWriter.float32(fs.create(new Path(dir, "jump_ratio.npy")), ny, nx)) {
            byte[] l = new byte[nx];
            float[] d = new float[nx];
            float[] a = new float[nx];
            float[] r = new float[nx];
            float[] j = new float[nx];
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    l[x] = (byte) g.label(y, x);
                    d[x] = (float) g.drift(y, x);
                    a[x] = (float) g.amplitude(y, x);
                    r[x] = (float) g.exponent(y, x);
                    j[x] = (float) g.jumpRatio(y, x);
                }
                labels.writeRow(l);
                drift.writeRow(d);
                amplitude.writeRow(a);
                exponent.writeRow(r);
                jump.writeRow(j);
            }
        }
        ObjectNode root = MAPPER.createObjectNode();
        root.put("kind", "EELS");
        root.put("gain", g.spec().gain());
        root.put("readNoise", g.spec().readNoise());
        ArrayNode phases = root.putArray("phases");
        for (int label = 0; label < g.phases().size(); label++) {
            var p = g.phases().get(label);
            ObjectNode o = phases.addObject();
            o.put("label", label);
            o.put("name", p.name());
            ArrayNode edges = o.putArray("edges");
            for (var e : p.edges()) {
                ObjectNode eo = edges.addObject();
                eo.put("element", e.edge().element());
                eo.put("edge", e.edge().edge());
                eo.put("onsetEv", e.edge().onsetEv());
                eo.put("jump", e.jump());
            }
        }
        writeJson(fs, new Path(dir, "phases.json"), root);
    }

    private static void writeJson(FileSystem fs, Path file, ObjectNode root) throws IOException {
        try (OutputStream o = fs.create(file, true)) {
            o.write(MAPPER.writeValueAsBytes(root));
        }
    }

    private static PrintWriter writer(FileSystem fs, Path file) throws IOException {
        return new PrintWriter(new java.io.OutputStreamWriter(fs.create(file, true), StandardCharsets.UTF_8));
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
