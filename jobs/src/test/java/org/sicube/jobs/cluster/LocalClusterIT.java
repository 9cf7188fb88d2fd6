package org.sicube.jobs.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sicube.datasets.model.PixelBlock;
import org.sicube.datasets.store.HeaderJson;
import org.sicube.jobs.store.BlockStore;
import org.sicube.jobs.testing.JobRun;
import org.sicube.jobs.testing.SharedData;
import org.sicube.jobs.testing.TestSpark;

/**
 * A real Spark standalone cluster ({@code scripts/local-cluster}: master, worker and executor JVMs on
 * 127.0.0.1) runs {@code ingest} from the application jar through spark-submit; the store it writes
 * must equal the one local mode writes, block for block. Runs in {@code mvn verify}, after package.
 */
class LocalClusterIT {
    private static final Duration START_LIMIT = Duration.ofSeconds(120);
    private static final Duration SUBMIT_LIMIT = Duration.ofSeconds(180);
    private static final Duration STOP_LIMIT = Duration.ofSeconds(60);

    @TempDir
    static Path dir;
    /** The checkout (failsafe runs in the jobs module's directory). */
    private static Path root;
    /** This test's own cluster state (pids, logs, worker work dir), never a user's target/local-cluster. */
    private static Path state;
    private static final List<Long> daemons = new ArrayList<>();

    @BeforeAll
    static void startCluster() throws Exception {
        root = Path.of("").toAbsolutePath().getParent();
        assertTrue(Files.isExecutable(root.resolve("scripts/local-cluster")), "no scripts/local-cluster in " + root);
        state = dir.resolve("cluster");
        ScriptRun start = script(START_LIMIT, "start");
        for (String daemon : List.of("master", "worker")) {
            Path pid = state.resolve(daemon + ".pid");
            if (Files.exists(pid)) {
                daemons.add(Long.parseLong(Files.readString(pid).strip()));
            }
        }
        assertEquals(0, start.exitCode(), start.output() + clusterLogs());
        assertTrue(start.output().lines().anyMatch(l -> l.matches("spark://127\\.0\\.0\\.1:\\d+")), start.output());
        assertEquals(2, daemons.size(), "master and worker pids in " + state);
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (state == null) {
            return;
        }
        ScriptRun stop = script(STOP_LIMIT, "stop");
        // Anything of this cluster still alive is killed here (the test started it) and fails the test.
        List<ProcessHandle> left = waitForExit(Duration.ofSeconds(10));
        left.forEach(ProcessHandle::destroyForcibly);
        assertEquals(0, stop.exitCode(), stop.output());
        assertTrue(left.isEmpty(), "still running after 'local-cluster stop': "
                + left.stream().map(h -> h.pid() + " " + h.info().commandLine().orElse("?")).toList());
    }

    /** Reference totals from ../shared/data/REFERENCE.md. */
    @ParameterizedTest
    @CsvSource({
        "derived/velox_superx_20f.rpl, 50, 10, 4096, 1529219",
        "30x30_instructively_packed_16bit_compressed.bcf, 30, 30, 2048, 18621362",
    })
    void ingestSubmittedToTheClusterRunsOnTheWorkerAndEqualsLocalMode(String file, int ny, int nx, int channels,
            double total) throws Exception {
        Path input = SharedData.file(file).toAbsolutePath().normalize();
        String name = input.getFileName().toString();
        Path clusterStore = dir.resolve("cluster-" + name);
        Path localStore = dir.resolve("local-" + name);

        Set<Path> before = applications();
        ScriptRun submit = script(SUBMIT_LIMIT, "submit", "ingest", "--input", input.toString(),
                "--output", clusterStore.toString(), "--block", "16x16");
        assertEquals(0, submit.exitCode(), submit.output() + clusterLogs());
        assertTrue(submit.output().contains("ingested " + name), submit.output());

        // The application registered with this master and its tasks ran in an executor on this worker.
        Set<Path> apps = applications();
        apps.removeAll(before);
        assertEquals(1, apps.size(), "new applications in the worker's work dir: " + apps + clusterLogs());
        String executorLog = executorStderr(apps.iterator().next());
        assertTrue(executorLog.contains("Executor: Finished task"), executorLog);

        JobRun local = JobRun.of("ingest", "--input", input.toString(), "--output", localStore.toString(),
                "--block", "16x16");
        assertEquals(0, local.exitCode(), local.err());

        Configuration conf = new Configuration();
        HeaderJson.Parsed onCluster = BlockStore.readHeader(clusterStore.toString(), conf);
        HeaderJson.Parsed inLocalMode = BlockStore.readHeader(localStore.toString(), conf);
        assertEquals(ny, onCluster.header().ny());
        assertEquals(nx, onCluster.header().nx());
        assertEquals(channels, onCluster.header().channels());
        assertEquals(total, onCluster.header().totalCounts(), 0.0);
        assertEquals(inLocalMode, onCluster);

        List<PixelBlock> a = sortedBlocks(clusterStore);
        List<PixelBlock> b = sortedBlocks(localStore);
        assertEquals(((ny + 15) / 16) * ((nx + 15) / 16), a.size());
        assertEquals(b.size(), a.size());
        for (int i = 0; i < a.size(); i++) {
            String at = "block at y0=" + b.get(i).y0() + ", x0=" + b.get(i).x0();
            assertEquals(b.get(i).y0(), a.get(i).y0(), at);
            assertEquals(b.get(i).x0(), a.get(i).x0(), at);
            assertEquals(b.get(i).height(), a.get(i).height(), at);
            assertEquals(b.get(i).width(), a.get(i).width(), at);
            assertArrayEquals(b.get(i).counts(), a.get(i).counts(), at);
        }
    }

    private static ScriptRun script(Duration limit, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(root.resolve("scripts/local-cluster").toString()));
        command.addAll(List.of(args));
        return ScriptRun.of(root, Map.of("SICUBE_CLUSTER_DIR", state.toString(), "SICUBE_NO_BUILD", "1"), limit,
                command);
    }

    private static List<PixelBlock> sortedBlocks(Path store) throws IOException {
        return BlockStore.readBlocks(TestSpark.get(), store.toString()).collect().stream()
                .sorted(Comparator.comparingInt(PixelBlock::y0).thenComparingInt(PixelBlock::x0)).toList();
    }

    /** The application directories (app-*) in the worker's work dir. */
    private static Set<Path> applications() throws IOException {
        Path work = state.resolve("work");
        if (!Files.isDirectory(work)) {
            return new HashSet<>();
        }
        try (Stream<Path> s = Files.list(work)) {
            return new HashSet<>(s.filter(p -> p.getFileName().toString().startsWith("app-")).toList());
        }
    }

    /** The stderr of the application's executors (one directory per executor id). */
    private static String executorStderr(Path app) throws IOException {
        StringBuilder s = new StringBuilder();
        try (Stream<Path> executors = Files.list(app)) {
            for (Path e : executors.sorted().toList()) {
                if (Files.isRegularFile(e.resolve("stderr"))) {
                    s.append(Files.readString(e.resolve("stderr")));
                }
            }
        }
        return s.isEmpty() ? "no executor stderr in " + app : s.toString();
    }

    /** Waits for the master, worker and executors of this cluster to end; returns those still alive. */
    private static List<ProcessHandle> waitForExit(Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (true) {
            List<ProcessHandle> alive = ProcessHandle.allProcesses().filter(LocalClusterIT::belongsToThisCluster)
                    .toList();
            if (alive.isEmpty() || System.nanoTime() > end) {
                return alive;
            }
            Thread.sleep(200);
        }
    }

    /** A recorded daemon, or a process whose command line names this cluster's state dir (executors). */
    private static boolean belongsToThisCluster(ProcessHandle h) {
        return h.isAlive() && (daemons.contains(h.pid())
                || h.info().commandLine().map(c -> c.contains(state.toString())).orElse(false));
    }

    /** The end of the master's, worker's and executors' logs, for failure messages. */
    private static String clusterLogs() {
        StringBuilder s = new StringBuilder();
        try (Stream<Path> files = Files.walk(state)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".log") || p.endsWith("stderr")).sorted().toList()) {
                List<String> lines = Files.readAllLines(f);
                s.append("\n--- ").append(state.relativize(f)).append(" (last 40 lines)\n");
                lines.subList(Math.max(0, lines.size() - 40), lines.size()).forEach(l -> s.append(l).append('\n'));
            }
        } catch (IOException e) {
            s.append("\n(cluster logs unreadable: ").append(e).append(')');
        }
        return s.toString();
    }
}
