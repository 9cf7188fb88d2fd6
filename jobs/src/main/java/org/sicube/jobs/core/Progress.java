package org.sicube.jobs.core;

import java.io.PrintStream;
import java.util.Locale;
import org.apache.spark.SparkStageInfo;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Console progress for long stages: stage name, blocks done / total, spectra per second, elapsed.
 * Polls Spark's status tracker once a second; blocks are counted from finished tasks, each
 * partition holding a known share of the blocks. On a terminal the line is rewritten in place;
 * otherwise a line is printed every ten seconds.
 */
public final class Progress implements AutoCloseable {
    private final JavaSparkContext sc;
    private final String stage;
    private final long blocks;
    private final long spectra;
    private final PrintStream out = System.err;
    private final boolean tty = System.console() != null;
    private final long start = System.nanoTime();
    private final Thread poller;
    private volatile boolean running = true;

    private Progress(JavaSparkContext sc, String stage, long blocks, long spectra) {
        this.sc = sc;
        this.stage = stage;
        this.blocks = blocks;
        this.spectra = spectra;
        sc.setJobDescription(stage);
        poller = new Thread(this::poll, "sicube-progress");
        poller.setDaemon(true);
        poller.start();
    }

    /** Starts reporting a stage over {@code blocks} blocks holding {@code spectra} spectra. */
    public static Progress start(JavaSparkContext sc, String stage, long blocks, long spectra) {
        return new Progress(sc, stage, blocks, spectra);
    }

    private void poll() {
        long lastPrint = start;
        while (running) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
            double fraction = fraction();
            long now = System.nanoTime();
            if (tty) {
                out.print("\r" + line(fraction) + "   ");
                out.flush();
            } else if (now - lastPrint > 10_000_000_000L) {
                out.println(line(fraction));
                lastPrint = now;
            }
        }
    }

    private double fraction() {
        int total = 0;
        int done = 0;
        for (int id : sc.statusTracker().getActiveStageIds()) {
            SparkStageInfo info = sc.statusTracker().getStageInfo(id);
            if (info != null) {
                total += info.numTasks();
                done += info.numCompletedTasks();
            }
        }
        return total == 0 ? 0 : (double) done / total;
    }

    private String line(double fraction) {
        double secs = (System.nanoTime() - start) / 1e9;
        return String.format(Locale.ROOT, "[%s] %d/%d blocks · %.3g spectra/s · %.0f s", stage,
                Math.round(fraction * blocks), blocks, fraction * spectra / Math.max(secs, 1e-9), secs);
    }

    /** Seconds since the stage started. */
    public double seconds() {
        return (System.nanoTime() - start) / 1e9;
    }

    /** Stops reporting and prints the stage's final line with its throughput; returns the seconds taken. */
    public double done() {
        stop();
        double secs = seconds();
        out.print((tty ? "\r" : "") + String.format(Locale.ROOT, "[%s] %d/%d blocks · %.3g spectra/s · %.1f s%n",
                stage, blocks, blocks, spectra / Math.max(secs, 1e-9), secs));
        return secs;
    }

    private void stop() {
        if (running) {
            running = false;
            poller.interrupt();
            sc.setJobDescription(null);
        }
    }

    /** Stops reporting without a final line (the stage failed or was abandoned). */
    @Override
    public void close() {
        if (running && tty) {
            out.println();
        }
        stop();
    }
}
