package org.sicube.jobs.core;

import dev.ludovic.netlib.blas.BLAS;

/**
 * Which BLAS the level-3 kernels and MLlib call in this JVM (dev.ludovic.netlib): {@code JNIBLAS} is
 * the system's native library (OpenBLAS when installed), {@code VectorBLAS} and {@code JavaBLAS} are
 * the pure-Java fallbacks, some 50× slower on dense Gram work.
 */
public final class BlasInfo {
    private BlasInfo() {
    }

    /** The implementation's class name. */
    public static String implementation() {
        return BLAS.getInstance().getClass().getName();
    }

    public static boolean isNative() {
        return implementation().endsWith("JNIBLAS");
    }

    /**
     * What to do when OpenBLAS would spin its idle threads for 0.1 s after each call in local mode,
     * where they take the cores the tasks need (the launch scripts set it; see scripts/lib/build.sh);
     * null when there is nothing to do.
     */
    public static String localModeHint(String master) {
        boolean set = System.getenv("OPENBLAS_THREAD_TIMEOUT") != null || System.getenv("OPENBLAS_NUM_THREADS") != null
                || System.getenv("OMP_NUM_THREADS") != null;
        return master.startsWith("local") && !set && isNative()
                ? "sicube: native BLAS in local mode: start the JVM with OPENBLAS_THREAD_TIMEOUT=18 in its environment"
                        + " (scripts/sicube does), or OpenBLAS's idle threads keep taking the cores from the tasks"
                : null;
    }

    /** What to do about a Java fallback; null when the native library is in use. */
    public static String note() {
        return isNative() ? null
                : "native BLAS not loaded (pure-Java fallback); on Debian/Ubuntu: apt-get install libopenblas0-pthread";
    }
}
