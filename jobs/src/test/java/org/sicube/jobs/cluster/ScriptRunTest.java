package org.sicube.jobs.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The time limit of {@link ScriptRun}: a hanging script and the children it started are killed. */
class ScriptRunTest {

    @Test
    void exitCodeAndOutputOfAScript(@TempDir Path dir) throws Exception {
        ScriptRun run = ScriptRun.of(dir, Map.of("GREETING", "hello"), Duration.ofSeconds(30),
                List.of("sh", "-c", "echo \"$GREETING\"; echo oops >&2; exit 3"));
        assertEquals(3, run.exitCode());
        assertEquals("hello\noops\n", run.output());
    }

    @Test
    void aHangingScriptIsKilledWithItsChildren(@TempDir Path dir) throws Exception {
        // A sleep with an unusual duration, so that the check below finds only this test's child.
        String sleep = "sleep 97.4318";
        long t0 = System.nanoTime();
        ScriptRun run = ScriptRun.of(dir, Map.of(), Duration.ofSeconds(1),
                List.of("sh", "-c", "echo started; " + sleep + "; echo never"));
        assertTrue(System.nanoTime() - t0 < 15e9, "returned within the limit plus the kill");
        assertEquals(ScriptRun.TIMED_OUT, run.exitCode());
        assertTrue(run.output().contains("timed out after 1 s"), run.output());
        assertTrue(run.output().contains("started"), run.output());
        assertTrue(run.output().lines().noneMatch("never"::equals), run.output());
        Thread.sleep(200);
        assertTrue(ProcessHandle.allProcesses().noneMatch(
                h -> h.isAlive() && h.info().commandLine().orElse("").contains(sleep)), "the child sleep was killed");
    }
}
