package org.sicube.datasets.formats.dm;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.sicube.datasets.formats.ReaderOptions;
import org.sicube.datasets.formats.SpectrumImageFormat;
import org.sicube.datasets.formats.SpectrumImageReader;
import org.sicube.datasets.io.InputFile;
import org.sicube.datasets.io.InvalidInputException;

/**
 * Gatan DigitalMicrograph {@code .dm3}/{@code .dm4}: recognised by the big-endian version number 3 or 4
 * in the first four bytes. Reader option {@code image=<n>} picks ImageList entry n instead of the
 * automatic choice (the 3-D spectrum image, else a 2-D line scan, else a 1-D spectrum).
 */
public final class DmFormat implements SpectrumImageFormat {

    @Override
    public String name() {
        return "dm";
    }

    @Override
    public List<String> extensions() {
        return List.of("dm3", "dm4");
    }

    @Override
    public boolean matchesMagic(byte[] head) {
        return head.length >= 16 && head[0] == 0 && head[1] == 0 && head[2] == 0 && (head[3] == 3 || head[3] == 4);
    }

    @Override
    public Set<String> optionKeys() {
        return Set.of("image");
    }

    @Override
    public SpectrumImageReader open(InputFile file, ReaderOptions options) throws IOException {
        options.requireOnly(name(), optionKeys());
        int image = options.getInt("image", -1);
        if (options.values().containsKey("image") && image < 0) {
            throw new InvalidInputException("reader option 'image' must be an ImageList index >= 0, got " + image);
        }
        String version = file.name().toLowerCase(Locale.ROOT).endsWith(".dm4") ? "dm4" : "dm3";
        return new DmReader(file, image, version);
    }
}
