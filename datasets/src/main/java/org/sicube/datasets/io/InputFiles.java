package org.sicube.datasets.io;

import java.nio.file.Path;

/** Turns what a user typed (a local path, {@code file:} or {@code hdfs://} URI) into an {@link InputFile}. */
public final class InputFiles {
    private InputFiles() {
    }

    public static InputFile of(String location) {
        if (location.startsWith("file:")) {
            return new LocalInputFile(Path.of(java.net.URI.create(location)));
        }
        if (location.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
            return new HadoopInputFile(location);
        }
        return new LocalInputFile(Path.of(location));
    }
}
