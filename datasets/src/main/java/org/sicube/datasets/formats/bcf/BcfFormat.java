package org.sicube.datasets.formats.bcf;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.sicube.datasets.formats.ReaderOptions;
import org.sicube.datasets.formats.SpectrumImageFormat;
import org.sicube.datasets.formats.SpectrumImageReader;
import org.sicube.datasets.io.InputFile;

/** Bruker Esprit hypermap ({@code .bcf}): an SFS container starting with {@code AAMVHFSS}; see {@link BcfReader}. */
public final class BcfFormat implements SpectrumImageFormat {

    @Override
    public String name() {
        return "bcf";
    }

    @Override
    public List<String> extensions() {
        return List.of("bcf");
    }

    @Override
    public boolean matchesMagic(byte[] head) {
        return head.length >= SfsContainer.MAGIC.length
                && Arrays.equals(head, 0, SfsContainer.MAGIC.length, SfsContainer.MAGIC, 0, SfsContainer.MAGIC.length);
    }

    @Override
    public Set<String> optionKeys() {
        return Set.of("downsample", "cutoff", "index");
    }

    @Override
    public SpectrumImageReader open(InputFile file, ReaderOptions options) throws IOException {
        return BcfReader.open(file, options);
    }
}
