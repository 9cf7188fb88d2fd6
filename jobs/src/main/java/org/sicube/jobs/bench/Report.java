package org.sicube.jobs.bench;

import java.util.List;

/**
 * The keys every measurement line shares: {@code what}, {@code spectra}, {@code channels}, median
 * {@code seconds}, {@code spectra_per_s}, {@code mb_per_s} (input MB of 10^6 bytes per second;
 * null where no input bytes are read), median {@code cpu_s} (CPU seconds of the JVM),
 * {@code peak_heap_mb} and {@code heap_after_gc_mb}.
 * The caller adds its own keys and then {@link #runs}.
 */
final class Report {
    private Report() {
    }

    static JsonLine summary(String what, long spectra, int channels, long inputBytes, List<Trials.Run> runs) {
        double seconds = Trials.median(runs.stream().mapToDouble(Trials.Run::seconds).toArray());
        return new JsonLine().put("what", what).put("spectra", spectra).put("channels", channels)
                .put("seconds", seconds)
                .put("spectra_per_s", spectra / seconds)
                .put("mb_per_s", inputBytes > 0 ? inputBytes / 1e6 / seconds : null)
                .put("cpu_s", Trials.median(runs.stream().mapToDouble(Trials.Run::cpuSeconds).toArray()))
                .put("peak_heap_mb", Trials.median(runs.stream().mapToDouble(Trials.Run::peakHeapMb).toArray()))
                .put("heap_after_gc_mb", Trials.median(runs.stream().mapToDouble(Trials.Run::heapAfterGcMb).toArray()));
    }

    static List<JsonLine> runs(List<Trials.Run> runs) {
        return runs.stream().map(Trials.Run::json).toList();
    }

    /** Size of a dense float32 cube of {@code spectra × channels}, in MB. */
    static double denseF32Mb(long spectra, int channels) {
        return spectra * (double) channels * Float.BYTES / 1e6;
    }
}
