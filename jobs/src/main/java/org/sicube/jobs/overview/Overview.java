package org.sicube.jobs.overview;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.sicube.datasets.model.BlockGrid;
import org.sicube.datasets.model.EnergyAxis;
import org.sicube.datasets.model.PixelBlock;
import org.sicube.datasets.model.SpectrumImage;
import org.sicube.datasets.store.HeaderJson;
import org.sicube.datasets.writers.plot.MapPng;
import org.sicube.datasets.writers.plot.SpectrumCsv;
import org.sicube.datasets.writers.plot.SpectrumPng;
import org.sicube.jobs.core.Progress;
import org.sicube.jobs.run.RunDirectory;
import org.sicube.jobs.store.BlockStore;
import org.sicube.transforms.physics.XrayLine;
import org.sicube.transforms.physics.XrayLineTable;

/**
 * The first look at a spectrum image, in one pass over its store: the total-counts map (PNG with a
 * colour bar and scale bar) and the sum spectrum (CSV, and PNG with the header's elements' major
 * X-ray lines labelled).
 */
public final class Overview {
    /** Largest side of the total-counts map; larger images are shown binned (mean per cell). */
    static final int MAP_SIDE = 2048;

    private Overview() {
    }

    public static OverviewSummary compute(SparkSession spark, String store) throws Exception {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        HeaderJson.Parsed parsed = BlockStore.readHeader(store, sc.hadoopConfiguration());
        SpectrumImage h = parsed.header();
        long nBlocks = new BlockGrid(h.ny(), h.nx(), parsed.blockHeight(), parsed.blockWidth()).size();
        JavaRDD<PixelBlock> blocks = BlockStore.readBlocks(spark, store);
        try (Progress p = Progress.start(sc, "overview: total-counts map and sum spectrum", nBlocks, h.spectra())) {
            OverviewSummary s = blocks.treeAggregate(new OverviewSummary(h.ny(), h.nx(), h.channels(), MAP_SIDE),
                    OverviewSummary::add, OverviewSummary::merge);
            p.done();
            return s;
        }
    }

    /** Writes {@code total_counts.png}, {@code sum_spectrum.csv} and {@code sum_spectrum.png} into the run. */
    public static void write(RunDirectory run, SpectrumImage h, OverviewSummary s) throws Exception {
        String binned = s.bin() == 1 ? "" : String.format(Locale.ROOT, " (mean of %d×%d pixels per cell)", s.bin(), s.bin());
        MapPng.of(s.meanCountsMap(), s.mapHeight(), s.mapWidth())
                .title("Total counts per pixel" + binned)
                .quantity("counts")
                .pixelSize(h.pixelSize() * s.bin(), h.pixelUnits())
                .write(run.localFile("total_counts.png"));
        double[] spectrum = s.sumSpectrum();
        SpectrumCsv.write(run.localFile("sum_spectrum.csv"), h.energy(), List.of("sum_counts"), List.of(spectrum));
        SpectrumPng png = SpectrumPng.of(h.energy()).add("sum spectrum", spectrum)
                .title(String.format(Locale.ROOT, "Sum spectrum: %d spectra, %.4g counts", h.spectra(), h.totalCounts()))
                .intensityLabel("counts").logY(true);
        for (XrayLine line : majorLines(h.elements(), h.energy())) {
            png.line(line.energyKeV() * 1000 / h.energy().toEvFactor(), line.element() + " " + line.line());
        }
        png.write(run.localFile("sum_spectrum.png"));
        run.manifest()
                .output("total_counts.png", "total counts per pixel (colour bar, scale bar)" + binned)
                .output("sum_spectrum.csv", "sum of all spectra, counts per channel")
                .output("sum_spectrum.png", "sum spectrum, log scale, the header's elements' major lines labelled");
    }

    /** The strongest line of each family (Kα, Lα, Mα) of each element that falls inside the axis. */
    static List<XrayLine> majorLines(List<String> elements, EnergyAxis axis) {
        double lo = Math.max(axis.energy(0), 0.1 * 1000 / axis.toEvFactor()) * axis.toEvFactor() / 1000;
        double hi = axis.energy(axis.size() - 1) * axis.toEvFactor() / 1000;
        List<XrayLine> out = new ArrayList<>();
        XrayLineTable table = XrayLineTable.get();
        for (String el : elements) {
            if (!table.contains(el)) {
                continue;
            }
            for (XrayLine l : table.lines(el)) {
                if (l.weight() >= 1.0 && l.energyKeV() > lo && l.energyKeV() < hi) {
                    out.add(l);
                }
            }
        }
        return out;
    }
}
