package org.sicube.datasets.writers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Runs a Python script under /usr/bin/python3 with HyperSpy (Debian package python3-hyperspy) on a
 * written file, for tests that check our files the way users open them.
 */
public final class HyperSpyProcess {
    /** The Debian python that python3-hyperspy installs into; override with -Dsicube.python. */
    private static final String PYTHON = System.getProperty("sicube.python", "/usr/bin/python3");
    private static final String INSTALL = "install it with 'apt-get install -y python3-hyperspy python3-h5py'";

    private HyperSpyProcess() {
    }

    /** Runs {@code script} with {@code file} as sys.argv[1]; fails the test unless it exits 0. */
    public static String run(String script, Path file) throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of(PYTHON))) {
            fail(PYTHON + " not found; HyperSpy is needed to check written files: " + INSTALL);
        }
        Process p = new ProcessBuilder(PYTHON, "-c", script, file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "HyperSpy did not finish within 120 s");
        if (out.contains("No module named 'hyperspy'")) {
            fail(PYTHON + " has no hyperspy module: " + INSTALL);
        }
        assertEquals(0, p.exitValue(), "HyperSpy failed on " + file + ":\n" + out);
        return out;
    }
}
