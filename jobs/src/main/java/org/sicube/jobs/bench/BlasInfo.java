package org.sicube.jobs.bench;

import dev.ludovic.netlib.blas.BLAS;

/**
 * Which BLAS the level-3 kernels and MLlib call in this JVM (dev.ludovic.netlib): {@code JNIBLAS} is
 * the system's native library (OpenBLAS when installed), {@code VectorBLAS} and {@code JavaBLAS} are
 * the pure-Java fallbacks, some 50× slower on dense Gram work.
 */
final class BlasInfo {
    private BlasInfo() {
    }

    /** The implementation's class name. */
    static String implementation() {
        return BLAS.getInstance().getClass().getName();
    }

    static boolean isNative() {
        return implementation().endsWith("JNIBLAS");
    }

    /** What to do about a Java fallback; null when the native library is in use. */
    static String note() {
        return isNative() ? null
                : "native BLAS not loaded (pure-Java fallback); on Debian/Ubuntu: apt-get install libopenblas0-pthread";
    }
}
