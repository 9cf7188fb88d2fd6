package org.sicube.jobs.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sicube.jobs.preprocess.stages.Acquisition;
import org.sicube.jobs.preprocess.stages.ContinuumStage;
import org.sicube.jobs.preprocess.stages.ImageShape;
import org.sicube.jobs.preprocess.stages.PowerLawStage;
import org.sicube.transforms.background.PowerLawEstimator;
import org.sicube.transforms.physics.EnergyGrid;

/** Pipeline configs are validated before Spark starts, and every error names its key. */
class PipelineConfigTest {
    /** An EELS grid: 1024 channels from 400 eV by 0.5 eV (400–911.5 eV). */
    private static final EnergyGrid EELS = new EnergyGrid(1024, 400, 0.5);

    /** A 64 × 48 px store in blocks of 32 × 32, 0.5 nm pixels. */
    private static final ImageShape SHAPE = new ImageShape(64, 48, 32, 32, 0.5);
    /** An EDS acquisition: 200 keV, Fe, Cr, Ni. */
    private static final Acquisition EDS = new Acquisition(200, List.of("Fe", "Cr", "Ni"));
    private static final EnergyGrid EDS_GRID = new EnergyGrid(2048, 0, 10);

    private static PipelineConfig parse(String yaml, String... sets) {
        return PipelineConfig.parse(yaml, "test.yaml", List.of(sets), EELS, SHAPE, new Acquisition(Double.NaN, List.of()));
    }

    private static PipelineConfig parseEds(String yaml, Acquisition a) {
        return PipelineConfig.parse(yaml, "test.yaml", List.of(), EDS_GRID, SHAPE, a);
    }

    private static String edsError(String yaml, Acquisition a) {
        return assertThrows(IllegalArgumentException.class, () -> parseEds(yaml, a)).getMessage();
    }

    private static String error(String yaml, String... sets) {
        return assertThrows(IllegalArgumentException.class, () -> parse(yaml, sets)).getMessage();
    }

    @Test
    void exampleConfigsAreValid() throws Exception {
        PipelineConfig eels = PipelineConfig.parse(Files.readString(Path.of("../conf/eels-coreloss.yaml")),
                "eels-coreloss.yaml", List.of(), EELS, SHAPE, new Acquisition(Double.NaN, List.of()));
        assertEquals(List.of("align", "powerlaw", "normalize"), eels.stages().stream().map(s -> s.type()).toList());
        assertEquals(List.of("align_shift", "powerlaw_A", "powerlaw_r", "powerlaw_chi2"), eels.allMaps());
        EnergyGrid eds = new EnergyGrid(2048, -472.25, 9.999);
        PipelineConfig survey = PipelineConfig.parse(Files.readString(Path.of("../conf/eds-survey.yaml")),
                "eds-survey.yaml", List.of(), eds, SHAPE, EDS);
        assertEquals("decomposition", survey.purpose());
        assertEquals(eds, survey.outputGrid());
    }

    @Test
    void unknownKeysAreNamed() {
        String m = error("stages:\n  - type: powerlaw\n    window: [410, 450]\n    metod: log-log\n");
        assertTrue(m.contains("stages[0].metod") && m.contains("known keys: window, method"), m);
        String top = error("stage:\n  - type: snip\n");
        assertTrue(top.contains("config key stage:"), top);
        String type = error("stages:\n  - type: smooth\n");
        assertTrue(type.contains("stages[0].type") && type.contains("'smooth'"), type);
    }

    @Test
    void wrongTypesAreNamed() {
        String m = error("stages:\n  - type: ebin\n    factor: two\n");
        assertTrue(m.contains("stages[0].factor") && m.contains("integer"), m);
        String w = error("stages:\n  - type: crop\n    range: 400\n");
        assertTrue(w.contains("stages[0].range") && w.contains("pair"), w);
        String s = error("stages: snip\n");
        assertTrue(s.contains("config key stages"), s);
    }

    @Test
    void windowsOutsideTheInputEnergyRangeAreRejected() {
        String m = error("stages:\n  - type: powerlaw\n    window: [300, 350]\n");
        assertTrue(m.contains("stages[0].window") && m.contains("399.75–911.75 eV"), m);
        // After a crop the range is the cropped one.
        String c = error("stages:\n  - type: crop\n    range: [500, 800]\n  - type: normalize\n    method: reference\n"
                + "    window: [450, 460]\n");
        assertTrue(c.contains("stages[1].window") && c.contains("after the stages before"), c);
    }

    @Test
    void normalizationBeforeACountsStageIsRejectedSayingWhy() {
        String m = error("stages:\n  - type: normalize\n    method: total\n  - type: gain\n    gain: 2\n");
        assertTrue(m.contains("stages[1] (gain)") && m.contains("normalization makes the data non-Poisson; put it after gain"), m);
        String ll = error("stages:\n  - type: normalize\n    method: max\n  - type: powerlaw\n    window: [410, 450]\n"
                + "    method: log-log\n");
        assertTrue(ll.contains("stages[1] (powerlaw)"), ll);
        // The two-area estimate is a ratio of areas: scale-free, allowed after a normalization.
        parse("stages:\n  - type: normalize\n    method: max\n  - type: powerlaw\n    window: [410, 450]\n");
        String d = error("for: decomposition\nstages:\n  - type: normalize\n    method: snv\n");
        assertTrue(d.contains("stages[0] (normalize)") && d.contains("decomposition"), d);
    }

    @Test
    void setOverridesConfigValues() {
        String yaml = "stages:\n  - type: align\n  - type: powerlaw\n    window: [410, 450]\n";
        PowerLawStage p = (PowerLawStage) parse(yaml, "stages[1].window=[420,452]", "powerlaw.method=log-log")
                .stages().get(1);
        assertEquals(420, p.fromEv());
        assertEquals(452, p.toEv());
        assertEquals(PowerLawEstimator.LOG_LOG, p.estimator());
        String m = error(yaml, "powerlaw.window=[100,200]");
        assertTrue(m.contains("stages[1].window"), m);
        String missing = error(yaml, "stages[5].window=[1,2]");
        assertTrue(missing.contains("stages[5]"), missing);
    }

    @Test
    void gridChangingStagesGiveTheOutputAxis() {
        PipelineConfig c = parse("stages:\n  - type: crop\n    range: [500, 600]\n  - type: ebin\n    factor: 4\n"
                + "  - type: calibrate\n    channels: [0, 10]\n    energies: [100, 150]\n");
        assertEquals(new EnergyGrid(201, 500, 0.5), c.grids().get(1));
        assertEquals(new EnergyGrid(50, 500.75, 2.0), c.grids().get(2));
        assertEquals(new EnergyGrid(50, 100, 5.0), c.outputGrid());
    }

    @Test
    void newStagesNameTheirKeys() {
        String lcpl = error("stages:\n  - type: lcpl\n    window: [410, 450]\n    percentile: [5, 95]\n");
        assertTrue(lcpl.contains("stages[0].percentile") && lcpl.contains("known keys: window, percentiles"), lcpl);
        String pct = error("stages:\n  - type: lcpl\n    window: [410, 450]\n    percentiles: [5, 120]\n");
        assertTrue(pct.contains("stages[0].percentiles"), pct);
        String lcplWindow = error("stages:\n  - type: lcpl\n    window: [300, 350]\n");
        assertTrue(lcplWindow.contains("stages[0].window") && lcplWindow.contains("(lcpl)"), lcplWindow);
        String radius = error("stages:\n  - type: lba\n    window: [410, 450]\n    radius: 1.5\n");
        assertTrue(radius.contains("stages[0].radius") && radius.contains("integer"), radius);
        String kernel = error("stages:\n  - type: lba\n    window: [410, 450]\n    radius: 2\n    kernel: disc\n");
        assertTrue(kernel.contains("stages[0].kernel"), kernel);
        String lbaWindow = error("stages:\n  - type: lba\n    window: [900, 950]\n    radius: 2\n");
        assertTrue(lbaWindow.contains("stages[0].window") && lbaWindow.contains("(lba)"), lbaWindow);
        String slack = error("stages:\n  - type: align\n    method: cow\n    slack: two\n");
        assertTrue(slack.contains("stages[0].slack") && slack.contains("integer"), slack);
        String segments = error("stages:\n  - type: align\n    method: cow\n    segments: 400\n");
        assertTrue(segments.contains("stages[0].segments"), segments);
        String notCow = error("stages:\n  - type: align\n    method: xcorr\n    slack: 2\n");
        assertTrue(notCow.contains("stages[0].slack") && notCow.contains("only applies to method cow"), notCow);
    }

    @Test
    void binNeedsBlocksDivisibleByTheFactor() {
        PipelineConfig c = parse("stages:\n  - type: bin\n    factor: 4\n");
        assertEquals(new ImageShape(16, 12, 8, 8, 2.0), c.outputShape());
        String m = error("stages:\n  - type: bin\n    factor: 3\n");
        assertTrue(m.contains("stages[0].factor") && m.contains("--block") && m.contains("factor 3"), m);
        String f = error("stages:\n  - type: bin\n    factor: 1\n");
        assertTrue(f.contains("stages[0].factor"), f);
    }

    @Test
    void continuumTakesElementsAndBeamEnergyFromTheHeaderOrTheConfig() {
        ContinuumStage s = (ContinuumStage) parseEds("stages:\n  - type: continuum\n", EDS).stages().get(0);
        assertEquals(List.of("Fe", "Cr", "Ni"), s.elements());
        assertEquals(200, s.beamEnergyKeV());
        Acquisition none = new Acquisition(Double.NaN, List.of());
        String noElements = edsError("stages:\n  - type: continuum\n", none);
        assertTrue(noElements.contains("stages[0].elements") && noElements.contains("header"), noElements);
        String noBeam = edsError("stages:\n  - type: continuum\n    elements: [Fe]\n", none);
        assertTrue(noBeam.contains("stages[0].beamEnergy"), noBeam);
        String unknown = edsError("stages:\n  - type: continuum\n    elements: [Fe, Xx]\n", EDS);
        assertTrue(unknown.contains("stages[0].elements") && unknown.contains("'Xx'"), unknown);
        String range = edsError("stages:\n  - type: continuum\n    range: [100, 30000]\n", EDS);
        assertTrue(range.contains("stages[0].range") && range.contains("outside the energy range"), range);
        String order = edsError("stages:\n  - type: continuum\n    order: 3\n", EDS);
        assertTrue(order.contains("stages[0].order"), order);
        String width = edsError("stages:\n  - type: continuum\n    lineWidth: -1\n", EDS);
        assertTrue(width.contains("stages[0].lineWidth"), width);
    }

    @Test
    void maskedChannelsAreBelowTheCutAndInsideTheRanges() {
        PipelineConfig c = parseEds("for: decomposition\nstages:\n  - type: mask-zero-channels\n    below: 150\n"
                + "    ranges: [[1000, 1030], [5000, 5010]]\n", EDS);
        double[] s = new double[EDS_GRID.channels()];
        java.util.Arrays.fill(s, 1);
        double[] out = c.stages().get(0).kernel(EDS_GRID).apply(s, new double[0]);
        int zeros = 0;
        for (int ch = 0; ch < out.length; ch++) {
            double e = EDS_GRID.energyEv(ch);
            boolean masked = e < 150 || (e >= 1000 && e < 1030) || (e >= 5000 && e < 5010);
            assertEquals(masked ? 0 : 1, out[ch], "channel " + ch + " at " + e + " eV");
            zeros += masked ? 1 : 0;
        }
        assertEquals(15 + 3 + 1, zeros, "channel centres 0..140, 1000..1020 and 5000 eV");
        assertTrue(edsError("stages:\n  - type: mask-zero-channels\n    ranges: [[1000, 900]]\n", EDS)
                .contains("config key stages[0].ranges[0] (mask-zero-channels): must be a pair"));
        assertTrue(edsError("stages:\n  - type: mask-zero-channels\n    ranges: [[1000, 30000]]\n", EDS)
                .contains("config key stages[0].ranges[0] (mask-zero-channels): [1000, 30000] eV lies outside"));
    }
}
