package org.sicube.datasets.formats;

import java.io.IOException;
import java.util.List;
import org.sicube.datasets.io.InputFile;

/**
 * One file format: how to recognise it (extension and magic bytes) and how to open a reader.
 * Registered in {@link Formats}, the one place where a format is chosen.
 */
public interface SpectrumImageFormat {

    /** Short name shown to users, e.g. {@code "hspy"}. */
    String name();

    /** Lower-case file extensions without the dot, e.g. {@code ["rpl"]}. */
    List<String> extensions();

    /**
     * True when the first bytes of the file (up to 512, fewer for short files) are this
     * format's signature; formats with no signature return true.
     */
    boolean matchesMagic(byte[] head);

    SpectrumImageReader open(InputFile file) throws IOException;
}
