package org.sicube.jobs.bench;

import java.io.PrintStream;
import org.sicube.jobs.Sicube;

/**
 * Runs a sicube job in this JVM (joining the bench's Spark session) with its console summary moved
 * to stderr, so that stdout carries only the bench's JSON lines.
 */
final class JobCall {
    private JobCall() {
    }

    /** Runs {@code sicube args...}; a non-zero exit code is an error naming the job and the code. */
    static void run(String... args) {
        int code = call(args);
        if (code != 0) {
            throw new IllegalStateException("'sicube " + String.join(" ", args) + "' exited with " + code);
        }
    }

    /** Runs {@code sicube args...} and returns its exit code (0 done, 1 internal error, 2 user error). */
    static int call(String... args) {
        PrintStream stdout = System.out;
        System.setOut(System.err);
        try {
            return Sicube.execute(args);
        } finally {
            System.setOut(stdout);
        }
    }
}
