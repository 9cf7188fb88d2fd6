package org.sicube.jobs.synthesize;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.sicube.datasets.model.BlockGrid;
import org.sicube.datasets.model.EnergyAxis;
import org.sicube.datasets.model.SpectrumImage;
import org.sicube.jobs.core.AtomicOutput;
import org.sicube.jobs.core.SparkJob;
import org.sicube.jobs.store.StoreWriter;
import org.sicube.transforms.physics.EnergyGrid;
import org.sicube.transforms.synthetic.EdsGenerator;
import org.sicube.transforms.synthetic.EdsSpec;
import org.sicube.transforms.synthetic.EelsGenerator;
import org.sicube.transforms.synthetic.EelsSpec;
import org.sicube.transforms.synthetic.Layout;
import org.sicube.transforms.synthetic.Phase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code synthesize}: a physics-based EDS or EELS spectrum image with ground truth, generated on
 * the executors (deterministic per seed and pixel) straight into a block store.
 */
@Command(name = "synthesize", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Generate a synthetic EDS or EELS spectrum image with ground truth (in STORE/truth/) into a block store.")
public final class SynthesizeJob extends SparkJob {

    enum Kind { eds, eels }

    @Option(names = "--kind", defaultValue = "eds", description = "eds or eels.")
    Kind kind;

    @Option(names = "--output", required = true, paramLabel = "STORE", description = "Store directory to create.")
    String output;

    @Option(names = "--size", defaultValue = "256x256", paramLabel = "NYxNX", description = "Image size in pixels (rows x columns).")
    String size;

    @Option(names = "--channels", defaultValue = "2048", description = "Energy channels.")
    int channels;

    @Option(names = "--energy-offset", paramLabel = "EV",
            description = "Energy of channel 0 in eV (default: 0 for EDS, 250 for EELS).")
    Double energyOffset;

    @Option(names = "--energy-scale", paramLabel = "EV",
            description = "Channel width in eV (default: 10 for EDS, 0.5 for EELS).")
    Double energyScale;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed; the same seed gives the same image.")
    long seed;

    @Option(names = "--mean-counts", defaultValue = "200", paramLabel = "COUNTS",
            description = "EDS: mean counts per pixel (at unit thickness).")
    double meanCounts;

    @Option(names = "--phase", paramLabel = "NAME:El=at.%,...",
            description = "EDS phase composition, repeatable (default: Fe-Cr-Ni alloy, Al-Si oxide, Ti oxide, brass).")
    List<String> phases = List.of();

    @Option(names = "--rare-phase", paramLabel = "NAME:El=at.%,...",
            description = "EDS rare-inclusion phase; must hold an element no other phase has (default: Au-Ag particle).")
    String rarePhase;

    @Option(names = "--rare-inclusions", defaultValue = "12", description = "EDS: number of rare-phase inclusions (discs).")
    int rareInclusions;

    @Option(names = "--rare-radius", defaultValue = "2", paramLabel = "PX", description = "EDS: inclusion radius in pixels.")
    int rareRadius;

    @Option(names = "--layout", defaultValue = "grains", description = "grains (Voronoi) or layers (wavy bands).")
    String layout;

    @Option(names = "--feature-size", paramLabel = "PX", description = "Grain or layer size in pixels (default: 64 EDS, 48 EELS).")
    Integer featureSize;

    @Option(names = "--thickness-variation", defaultValue = "0.1", description = "Relative thickness variation (0..0.9).")
    double thicknessVariation;

    @Option(names = "--beam-energy", defaultValue = "200", paramLabel = "KEV", description = "EDS: beam energy in keV.")
    double beamEnergy;

    @Option(names = "--fwhm", defaultValue = "130", paramLabel = "EV", description = "EDS: detector FWHM at Mn Kα in eV.")
    double fwhm;

    @Option(names = "--start-counts", paramLabel = "COUNTS",
            description = "EELS: expected background counts per channel at the first channel, unit thickness (default 2000).")
    Double startCounts;

    @Option(names = "--gain", defaultValue = "1", description = "EELS: detector gain g (x = g·Poisson + read noise).")
    double gain;

    @Option(names = "--read-noise", defaultValue = "0", paramLabel = "SIGMA", description = "EELS: Gaussian read noise σr.")
    double readNoise;

    @Option(names = "--block", defaultValue = "32x32", paramLabel = "HxW", description = "Block size in pixels.")
    String block;

    @Option(names = "--overwrite", description = "Replace an existing store at --output.")
    boolean overwrite;

    private EdsSpec eds;
    private EelsSpec eels;
    private BlockGrid grid;

    @Override
    protected void validate() {
        int[] shape = BlockGrid.parseSize(size, "--size", Integer.MAX_VALUE);
        int[] bs = BlockGrid.parseBlockSize(block);
        Layout lay = switch (layout.toLowerCase(Locale.ROOT)) {
            case "grains" -> Layout.GRAINS;
            case "layers" -> Layout.LAYERS;
            default -> throw new IllegalArgumentException("--layout '" + layout + "' must be grains or layers");
        };
        if (kind == Kind.eds) {
            EdsSpec demo = EdsSpec.demo(shape[0], shape[1], seed);
            List<Phase> ps = phases.isEmpty() ? demo.phases() : phases.stream().map(p -> PhaseOption.parse("--phase", p)).toList();
            Phase rare = rarePhase == null ? demo.rarePhase() : PhaseOption.parse("--rare-phase", rarePhase);
            EnergyGrid g = new EnergyGrid(channels, energyOffset == null ? 0.0 : energyOffset,
                    energyScale == null ? 10.0 : energyScale);
            eds = new EdsSpec(shape[0], shape[1], g, beamEnergy, ps, lay, featureSize == null ? 64 : featureSize,
                    meanCounts, thicknessVariation, rare, rareInclusions, rareRadius, fwhm, seed);
        } else {
            EelsSpec demo = EelsSpec.demo(shape[0], shape[1], seed).withDetector(gain, readNoise);
            EnergyGrid g = new EnergyGrid(channels, energyOffset == null ? 250.0 : energyOffset,
                    energyScale == null ? 0.5 : energyScale);
            eels = demo.with(g, demo.phases(), startCounts == null ? demo.startCounts() : startCounts)
                    .withLayout(lay, featureSize == null ? demo.featureSizePx() : featureSize, thicknessVariation);
        }
        grid = new BlockGrid(shape[0], shape[1], bs[0], bs[1]);
        // Building a generator places the grains and inclusions: an impossible layout fails here,
        // before Spark starts, rather than on every executor.
        if (eds != null) {
            new EdsGenerator(eds);
        } else {
            new EelsGenerator(eels);
        }
    }

    @Override
    protected void run(SparkSession spark) throws Exception {
        long start = System.nanoTime();
        SpectrumImage header = header();
        AtomicOutput out = AtomicOutput.begin(output, overwrite, spark.sparkContext().hadoopConfiguration());
        try {
            SpectrumImage done = StoreWriter.write(spark, new SyntheticBlockSource(eds, eels), header, grid, out,
                    "synthesize " + kind);
            Path tmp = out.temporary();
            if (eds != null) {
                GroundTruth.writeEds(out.fileSystem(), tmp, new EdsGenerator(eds));
            } else {
                GroundTruth.writeEels(out.fileSystem(), tmp, new EelsGenerator(eels));
            }
            StoreWriter.commit(out, done, grid);
            System.out.printf(Locale.ROOT, "synthesized %s: %d×%d px × %d ch, %.0f counts, %.1f s → %s%n",
                    kind == Kind.eds ? "EDS" : "EELS", done.ny(), done.nx(), done.channels(), done.totalCounts(),
                    (System.nanoTime() - start) / 1e9, output);
        } catch (Exception | Error e) {
            out.abort();
            throw e;
        }
    }

    /** The EDS spec these options' defaults give for a size, grid, seed and inclusion count (for tests and benchmarks). */
    EdsSpec defaultEds(int ny, int nx, int nChannels, double offsetEv, double scaleEv, long s, int inclusions) {
        EdsSpec demo = EdsSpec.demo(ny, nx, s);
        return new EdsSpec(ny, nx, new EnergyGrid(nChannels, offsetEv, scaleEv), 200, demo.phases(), Layout.GRAINS, 64,
                200, 0.1, demo.rarePhase(), inclusions, 2, 130, s);
    }

    private SpectrumImage header() {
        if (eds != null) {
            EnergyGrid g = eds.grid();
            Set<String> elements = new LinkedHashSet<>();
            eds.phases().forEach(p -> elements.addAll(p.atomicPercent().keySet()));
            if (eds.rareInclusions() > 0) {
                elements.addAll(eds.rarePhase().atomicPercent().keySet());
            }
            return new SpectrumImage(eds.height(), eds.width(),
                    new EnergyAxis(g.offsetEv() / 1000, g.scaleEv() / 1000, "keV", g.channels()), 1.0, "nm", "EDS_TEM",
                    eds.beamEnergyKeV(), Double.NaN, Double.NaN, new ArrayList<>(elements), "synthetic",
                    "synthetic EDS, seed " + seed, "synthetic", "", "uint32", Double.NaN);
        }
        EnergyGrid g = eels.grid();
        Set<String> elements = new LinkedHashSet<>();
        eels.phases().forEach(p -> p.edges().forEach(e -> elements.add(e.edge().element())));
        return new SpectrumImage(eels.height(), eels.width(), new EnergyAxis(g.offsetEv(), g.scaleEv(), "eV", g.channels()),
                1.0, "nm", "EELS", Double.NaN, Double.NaN, Double.NaN, new ArrayList<>(elements), "synthetic",
                "synthetic EELS, seed " + seed, "synthetic", "", gain == 1 && readNoise == 0 ? "uint32" : "float32",
                Double.NaN);
    }
}
