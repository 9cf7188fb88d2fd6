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

    /** The reader-option keys this format understands (see {@link ReaderOptions}). */
    default java.util.Set<String> optionKeys() {
        return java.util.Set.of();
    }

    /**
     * Opens {@code file} and checks its header; options not in {@link #optionKeys()} are an
     * error. Must not allocate anything sized by a header field before checking it against the
     * file's length.
     */
    SpectrumImageReader open(InputFile file, ReaderOptions options) throws IOException;
}
