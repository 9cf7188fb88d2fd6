package org.sicube.jobs.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** The measured spectrum images in {@code ../shared/data} (system property {@code sicube.shared}). */
public final class SharedData {
    private SharedData() {
    }

    public static Path file(String relative) {
        Path p = Path.of(System.getProperty("sicube.shared", "../shared"), "data").resolve(relative);
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("test data " + p + " is missing: ../shared must be beside the checkout");
        }
        return p;
    }
}
