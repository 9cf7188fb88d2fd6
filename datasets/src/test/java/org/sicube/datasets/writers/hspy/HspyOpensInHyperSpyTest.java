package org.sicube.datasets.writers.hspy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sicube.datasets.writers.HyperSpyProcess;

/**
 * Opens a written file with HyperSpy itself (Debian package python3-hyperspy, run by /usr/bin/python3)
 * and checks the signal classes, shapes, axes and value sums it reports.
 */
class HspyOpensInHyperSpyTest {
    private static final String SCRIPT = """
            import sys, warnings
            warnings.filterwarnings("ignore")
            import numpy as np
            import hyperspy.api as hs
            signals = hs.load(sys.argv[1])
            if not isinstance(signals, list):
                signals = [signals]
            for s in signals:
                axes = ";".join("%s,%s,%r,%r,%d,%s" % (a.name, a.units, float(a.offset), float(a.scale), a.size,
                                a.navigate) for a in s.axes_manager._axes)
                md = s.metadata
                print("SIGNAL|%s|%s|%s|%s|%r|%s|%s|%s" % (md.General.title, type(s).__name__,
                      "x".join(str(d) for d in s.data.shape), axes, float(np.asarray(s.data, dtype=np.float64).sum()),
                      md.Signal.signal_type, md.get_item("Acquisition_instrument.TEM.beam_energy"),
                      ",".join(md.get_item("Sample.elements", []))))
            """;

    @TempDir
    Path dir;

    @Test
    void hyperSpyLoadsCubeMapsAndSpectrum() throws Exception {
        Path path = HspyTestSignals.threeSignals(dir.resolve("results.hspy")).write();
        Map<String, String[]> byTitle = load(path);
        assertEquals(4, byTitle.size(), byTitle.keySet().toString());

        String[] cube = byTitle.get("cube");
        assertEquals("EDSTEMSpectrum", cube[2]);
        assertEquals("5x7x33", cube[3]);
        // axes_manager._axes is in array order: y, x, then the energy axis.
        assertEquals(List.of("y,nm,0.0,2.5,5,True", "x,nm,0.0,2.5,7,True",
                "Energy,keV,-0.47225277,0.009999,33,False"), List.of(cube[4].split(";")));
        assertEquals(HspyTestSignals.sum(HspyTestSignals.cube()), Double.parseDouble(cube[5]), 1e-6);
        assertEquals("EDS_TEM", cube[6]);
        assertEquals("200.0", cube[7]);
        assertEquals("Fe,O", cube[8]);

        String[] scores = byTitle.get("scores");
        assertEquals("Signal2D", scores[2]);
        assertEquals("2x5x7", scores[3]);
        assertEquals(HspyTestSignals.sum(HspyTestSignals.scores()), Double.parseDouble(scores[5]), 1e-4);

        String[] phases = byTitle.get("phases");
        assertEquals("Signal2D", phases[2]);
        assertEquals("5x7", phases[3]);
        assertEquals(34.0, Double.parseDouble(phases[5]), 0); // labels i % 3 over 35 pixels

        String[] spectrum = byTitle.get("mean spectrum");
        assertEquals("EDSTEMSpectrum", spectrum[2]);
        assertEquals("33", spectrum[3]);
        double expected = 0;
        for (double v : HspyTestSignals.spectrum()) {
            expected += v;
        }
        assertEquals(expected, Double.parseDouble(spectrum[5]), 1e-9);
    }

    /** Runs HyperSpy on {@code path}; returns its SIGNAL lines split on '|', keyed by title. */
    static Map<String, String[]> load(Path path) throws IOException, InterruptedException {
        String out = HyperSpyProcess.run(SCRIPT, path);
        Map<String, String[]> byTitle = new HashMap<>();
        for (String line : out.split("\n")) {
            if (line.startsWith("SIGNAL|")) {
                String[] f = line.split("\\|", -1);
                byTitle.put(f[1], f);
            }
        }
        return byTitle;
    }
}
