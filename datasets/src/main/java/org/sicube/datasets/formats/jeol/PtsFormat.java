package org.sicube.datasets.formats.jeol;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.sicube.datasets.formats.ReaderOptions;
import org.sicube.datasets.formats.SpectrumImageFormat;
import org.sicube.datasets.formats.SpectrumImageReader;
import org.sicube.datasets.io.InputFile;

/**
 * JEOL Analysis Station {@code .pts} (EDS event stream): recognised by the little-endian word 304
 * followed by "PTTDFILE". Options: {@code frames}, {@code bin}, {@code ebin}, {@code channels}
 * (see {@link PtsOptions}).
 */
public final class PtsFormat implements SpectrumImageFormat {

    @Override
    public String name() {
        return "pts";
    }

    @Override
    public List<String> extensions() {
        return List.of("pts");
    }

    @Override
    public boolean matchesMagic(byte[] head) {
        return head.length >= 12 && ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN).getInt(0) == PtsHeader.MAGIC
                && new String(head, 4, 8, StandardCharsets.ISO_8859_1).equals("PTTDFILE");
    }

    @Override
    public Set<String> optionKeys() {
        return PtsOptions.KEYS;
    }

    @Override
    public SpectrumImageReader open(InputFile file, ReaderOptions options) throws IOException {
        options.requireOnly(name(), optionKeys());
        return new PtsReader(file, options);
    }
}
