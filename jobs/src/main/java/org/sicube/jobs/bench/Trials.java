package org.sicube.jobs.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Repeats a measurement: before each run the untimed preparation (e.g. removing the previous
 * output), a flush of the file writes still pending from earlier work (`sync`, so that the
 * gigabytes one run leaves in the page cache are not written back during the next) and a full
 * collection, then the timed work under a {@link HeapSampler}. The machine is
 * shared and noisy, so results are summarised by their median.
 */
final class Trials {
    /**
     * One timed run: wall seconds, the CPU seconds of this JVM meanwhile (every thread: tasks, GC,
     * JIT; on a shared machine less disturbed by other work than the wall time), heap peaks in MB
     * and the 1-minute load average at its end.
     */
    record Run(double seconds, double cpuSeconds, double peakHeapMb, double heapAfterGcMb, double loadAverage) {
        JsonLine json() {
            return new JsonLine().put("seconds", seconds).put("cpu_s", cpuSeconds).put("peak_heap_mb", peakHeapMb)
                    .put("heap_after_gc_mb", heapAfterGcMb).put("load_1min", loadAverage);
        }
    }

    /** Work that may throw. */
    interface Work {
        void run() throws Exception;
    }

    private Trials() {
    }

    static List<Run> repeat(int runs, Work prepare, Work timed) throws Exception {
        List<Run> out = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            prepare.run();
            flushFileWrites();
            System.gc();
            HeapSampler heap = HeapSampler.start();
            long cpu0 = processCpuNanos();
            long t0 = System.nanoTime();
            try {
                timed.run();
            } finally {
                heap.close();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpu = (processCpuNanos() - cpu0) / 1e9;
            HeapSampler.Peak peak = heap.stop();
            out.add(new Run(seconds, cpu, peak.usedMb(), peak.afterGcMb(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        }
        return out;
    }

    /** Runs {@code sync} where there is one (Linux, macOS); elsewhere nothing. */
    private static void flushFileWrites() throws InterruptedException {
        try {
            new ProcessBuilder("sync").inheritIO().start().waitFor();
        } catch (java.io.IOException e) {
            // No sync command: runs may then overlap with earlier writes.
        }
    }

    /** CPU time of this JVM in nanoseconds, or -1 where the platform does not tell. */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
