package org.sicube.jobs.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sicube.jobs.preprocess.stages.PowerLawStage;
import org.sicube.transforms.background.PowerLawEstimator;
import org.sicube.transforms.physics.EnergyGrid;

/** Pipeline configs are validated before Spark starts, and every error names its key. */
class PipelineConfigTest {
    /** An EELS grid: 1024 channels from 400 eV by 0.5 eV (400–911.5 eV). */
    private static final EnergyGrid EELS = new EnergyGrid(1024, 400, 0.5);

    private static PipelineConfig parse(String yaml, String... sets) {
        return PipelineConfig.parse(yaml, "test.yaml", List.of(sets), EELS);
    }

    private static String error(String yaml, String... sets) {
        return assertThrows(IllegalArgumentException.class, () -> parse(yaml, sets)).getMessage();
    }

    @Test
    void exampleConfigsAreValid() throws Exception {
        PipelineConfig eels = PipelineConfig.parse(Files.readString(Path.of("../conf/eels-coreloss.yaml")),
                "eels-coreloss.yaml", List.of(), EELS);
        assertEquals(List.of("align", "powerlaw", "normalize"), eels.stages().stream().map(s -> s.type()).toList());
        assertEquals(List.of("align_shift", "powerlaw_A", "powerlaw_r", "powerlaw_chi2"), eels.allMaps());
        EnergyGrid eds = new EnergyGrid(2048, -472.25, 9.999);
        PipelineConfig survey = PipelineConfig.parse(Files.readString(Path.of("../conf/eds-survey.yaml")),
                "eds-survey.yaml", List.of(), eds);
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
}
