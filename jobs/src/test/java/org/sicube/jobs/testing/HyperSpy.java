package org.sicube.jobs.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs a Python script with HyperSpy (/usr/bin/python3, or -Dsicube.python) on a written file. */
public final class HyperSpy {
    private HyperSpy() {
    }

    /** Runs {@code script} with {@code file} as sys.argv[1]; fails the test unless it exits 0. */
    public static String run(String script, Path file) throws Exception {
        String python = System.getProperty("sicube.python", "/usr/bin/python3");
        Process p = new ProcessBuilder(python, "-c", script, file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            fail("HyperSpy did not finish within 120 s");
        }
        assertEquals(0, p.exitValue(), "HyperSpy failed:\n" + out);
        return out;
    }
}
