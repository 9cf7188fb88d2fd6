package org.sicube.datasets.formats.emsa;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.sicube.datasets.formats.ReaderOptions;
import org.sicube.datasets.formats.SpectrumImageFormat;
import org.sicube.datasets.formats.SpectrumImageReader;
import org.sicube.datasets.formats.raw.EnergyAxisOptions;
import org.sicube.datasets.io.InputFile;
import org.sicube.datasets.model.EnergyAxis;
import org.sicube.datasets.model.PixelBlock;
import org.sicube.datasets.model.SpectrumImage;

/**
 * EMSA/MAS {@code .msa} single spectra (ISO 22029) as a 1 × 1 spectrum image, e.g. a reference
 * spectrum. Energy axis from {@code OFFSET}, {@code XPERCHAN}, {@code XUNITS}; beam energy from
 * {@code BEAMKV} (keV), times from {@code LIVETIME} and {@code REALTIME} (s).
 */
public final class EmsaFormat implements SpectrumImageFormat {
    public static final String NAME = "emsa";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> extensions() {
        return List.of("msa", "ems", "emsa");
    }

    /** The standard requires {@code #FORMAT} as the first keyword (a UTF-8 byte-order mark may precede it). */
    @Override
    public boolean matchesMagic(byte[] head) {
        boolean bom = head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
        String s = new String(head, bom ? 3 : 0, head.length - (bom ? 3 : 0), StandardCharsets.ISO_8859_1);
        return s.stripLeading().toUpperCase(Locale.ROOT).startsWith("#FORMAT");
    }

    @Override
    public Set<String> optionKeys() {
        return EnergyAxisOptions.KEYS;
    }

    @Override
    public SpectrumImageReader open(InputFile file, ReaderOptions options) throws IOException {
        EmsaSpectrum s = EmsaSpectrum.read(file);
        String f = file.location();
        Map<String, String> kw = s.keywords();
        EnergyAxis axis = EnergyAxisOptions.resolve(options, EmsaSpectrum.number(f, kw, "OFFSET"),
                EmsaSpectrum.number(f, kw, "XPERCHAN"), kw.getOrDefault("XUNITS", ""), s.counts().length, f);
        SpectrumImage header = new SpectrumImage(1, 1, axis, Double.NaN, "", kw.getOrDefault("SIGNALTYPE", ""),
                EmsaSpectrum.number(f, kw, "BEAMKV"), EmsaSpectrum.number(f, kw, "LIVETIME"),
                EmsaSpectrum.number(f, kw, "REALTIME"), List.of(), kw.getOrDefault("EDSDET", ""), f, NAME, "",
                "float32", Double.NaN);
        return new Reader(header, s.counts());
    }

    /** The whole spectrum is parsed on open: it is one pixel. */
    private record Reader(SpectrumImage header, float[] counts) implements SpectrumImageReader {
        @Override
        public PixelBlock readBlock(int y0, int x0, int height, int width) {
            if (y0 != 0 || x0 != 0 || height != 1 || width != 1) {
                throw new IllegalArgumentException("an EMSA spectrum is a 1x1 image; block at (" + y0 + ", " + x0
                        + ") of " + height + "x" + width + " is outside it");
            }
            return new PixelBlock(0, 0, 1, 1, counts.length, counts.clone());
        }

        @Override
        public void close() {
            // Nothing is held open: the file was read and closed on open.
        }
    }
}
