package org.sicube.datasets.writers.hspy;

import java.util.List;
import org.sicube.datasets.model.EnergyAxis;
import org.sicube.datasets.model.SpectrumImage;

/** Small signals with known values shared by the hspy writer tests. */
final class HspyTestSignals {
    static final int NY = 5;
    static final int NX = 7;
    static final int E = 33;
    static final EnergyAxis AXIS = new EnergyAxis(-0.47225277, 0.009999, "keV", E);

    private HspyTestSignals() {
    }

    static SpectrumImage header() {
        return new SpectrumImage(NY, NX, AXIS, 2.5, "nm", "EDS_TEM", 200.0, 12.5, 14.0,
                List.of("Fe", "O"), "SuperX", "", "", "", "uint16", Double.NaN);
    }

    /** Value of pixel (y, x) channel e: distinct for every entry. */
    static float value(int y, int x, int e) {
        return y * 1000 + x * 50 + e * 0.5f;
    }

    static float[] cube() {
        float[] c = new float[NY * NX * E];
        for (int y = 0; y < NY; y++) {
            for (int x = 0; x < NX; x++) {
                for (int e = 0; e < E; e++) {
                    c[(y * NX + x) * E + e] = value(y, x, e);
                }
            }
        }
        return c;
    }

    static double sum(float[] v) {
        double s = 0;
        for (float f : v) {
            s += f;
        }
        return s;
    }

    /** Phase labels 0..2 on a NY x NX grid. */
    static int[] labels() {
        int[] l = new int[NY * NX];
        for (int i = 0; i < l.length; i++) {
            l[i] = i % 3;
        }
        return l;
    }

    /** Two score maps (2, NY, NX). */
    static float[] scores() {
        float[] s = new float[2 * NY * NX];
        for (int i = 0; i < s.length; i++) {
            s[i] = (float) Math.sin(i) * 10;
        }
        return s;
    }

    static double[] spectrum() {
        double[] s = new double[E];
        for (int e = 0; e < E; e++) {
            s[e] = Math.exp(-0.5 * (e - 16) * (e - 16) / 9.0) * 100;
        }
        return s;
    }

    static HspyFile threeSignals(java.nio.file.Path path) {
        return HspyFile.create(path)
                .addSignal(HspySignal.cube("cube", header(), cube()))
                .addSignal(HspySignal.imageStack(HspyMetadata.titled("scores").withQuantity("score"), "component",
                        2, NY, NX, 2.5, "nm", scores()))
                .addSignal(HspySignal.image(HspyMetadata.titled("phases"), NY, NX, 2.5, "nm", labels()))
                .addSignal(HspySignal.spectrum(HspyMetadata.titled("mean spectrum").withSignalType("EDS_TEM"),
                        AXIS, spectrum()));
    }
}
