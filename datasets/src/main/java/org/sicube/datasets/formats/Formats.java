package org.sicube.datasets.formats;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sicube.datasets.formats.bcf.BcfFormat;
import org.sicube.datasets.formats.dm.DmFormat;
import org.sicube.datasets.formats.emd.VeloxEmdFormat;
import org.sicube.datasets.formats.emsa.EmsaFormat;
import org.sicube.datasets.formats.hspy.HspyFormat;
import org.sicube.datasets.formats.jeol.PtsFormat;
import org.sicube.datasets.formats.npy.NpyFormat;
import org.sicube.datasets.formats.ripple.RippleFormat;
import org.sicube.datasets.io.InputFile;
import org.sicube.datasets.io.InvalidInputException;

/** The one place where a reader is chosen for a file, by extension and then magic bytes. */
public final class Formats {
    private static final List<SpectrumImageFormat> ALL = List.of(
            new HspyFormat(),
            new RippleFormat(),
            new NpyFormat(),
            new EmsaFormat(),
            new BcfFormat(),
            new DmFormat(),
            new PtsFormat(),
            new VeloxEmdFormat());

    private Formats() {
    }

    public static List<SpectrumImageFormat> all() {
        return ALL;
    }

    /** Opens a reader for {@code file}, or fails naming the file and the formats that were tried. */
    public static SpectrumImageReader open(InputFile file, ReaderOptions options) throws IOException {
        SpectrumImageFormat f = choose(file);
        options.requireOnly(f.name(), f.optionKeys());
        return f.open(file, options);
    }

    public static SpectrumImageReader open(InputFile file) throws IOException {
        return open(file, ReaderOptions.NONE);
    }

    public static SpectrumImageFormat choose(InputFile file) throws IOException {
        if (!file.exists()) {
            throw new InvalidInputException(file.location() + ": no such file; check the path");
        }
        String name = file.name().toLowerCase(Locale.ROOT);
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
        int n = (int) Math.min(512, file.length());
        byte[] head = file.readRange(0, n);
        List<SpectrumImageFormat> byExtension = new ArrayList<>();
        for (SpectrumImageFormat f : ALL) {
            if (f.extensions().contains(ext)) {
                byExtension.add(f);
            }
        }
        for (SpectrumImageFormat f : byExtension) {
            if (f.matchesMagic(head)) {
                return f;
            }
        }
        if (!byExtension.isEmpty()) {
            throw new InvalidInputException(file.location() + ": the extension says "
                    + byExtension.get(0).name() + " but the first bytes do not match that format; "
                    + "the file may be truncated, corrupted or misnamed");
        }
        List<String> known = new ArrayList<>();
        for (SpectrumImageFormat f : ALL) {
            known.addAll(f.extensions());
        }
        throw new InvalidInputException(file.location() + ": unsupported file type '." + ext
                + "'; supported extensions: " + String.join(", ", known));
    }
}
