package org.sicube.jobs.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Repeats a measurement: before each run the untimed preparation (e.g. removing the previous
 * output) and a full collection, then the timed work under a {@link HeapSampler}. The machine is
 * shared and noisy, so results are summarised by their median.
 */
final class Trials {
    /** One timed run: wall seconds and heap peaks in MB. */
    record Run(double seconds, double peakHeapMb, double heapAfterGcMb) {
        JsonLine json() {
            return new JsonLine().put("seconds", seconds).put("peak_heap_mb", peakHeapMb)
                    .put("heap_after_gc_mb", heapAfterGcMb);
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
            System.gc();
            HeapSampler heap = HeapSampler.start();
            long t0 = System.nanoTime();
            try {
                timed.run();
            } finally {
                heap.close();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            HeapSampler.Peak peak = heap.stop();
            out.add(new Run(seconds, peak.usedMb(), peak.afterGcMb()));
        }
        return out;
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
