package org.sicube.jobs.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One run of a project script as a child process, with a time limit so that a hang fails the test
 * instead of blocking the build. Its standard output and error, interleaved, are kept for assertion messages.
 */
record ScriptRun(int exitCode, String output) {
    /** The exit code reported when the time limit ran out. */
    static final int TIMED_OUT = -1;

    static ScriptRun of(Path root, Map<String, String> env, Duration limit, List<String> command)
            throws IOException, InterruptedException {
        // A file, not a pipe: nothing can block on a full pipe, and daemons started by the script
        // (which write to their own logs) cannot keep it open.
        Path log = Files.createTempFile("sicube-script-", ".log");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            pb.environment().putAll(env);
            Process p = pb.start();
            if (p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                return new ScriptRun(p.exitValue(), Files.readString(log));
            }
            // The children are listed first (once the script is gone they are no longer its descendants)
            // but killed after it, so that the script cannot go on to its next command.
            List<ProcessHandle> children = p.descendants().toList();
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
            children.forEach(ProcessHandle::destroyForcibly);
            return new ScriptRun(TIMED_OUT, String.join(" ", command) + ": timed out after " + limit.toSeconds()
                    + " s and was killed\n" + Files.readString(log));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
