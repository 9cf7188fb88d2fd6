package org.sicube.transforms.transfer;

/** Checks paired standards: the same count on both instruments, at least two, one channel count throughout. */
final class Standards {
    private Standards() {
    }

    /** Returns the number of standards. */
    static int check(double[][] source, double[][] target) {
        if (source.length != target.length) {
            throw new IllegalArgumentException(source.length + " source standards but " + target.length
                    + " target standards; give each standard on both instruments");
        }
        if (source.length < 2) {
            throw new IllegalArgumentException("a transfer needs at least 2 standards, got " + source.length);
        }
        int n = source[0].length;
        for (int s = 0; s < source.length; s++) {
            if (source[s].length != n || target[s].length != n) {
                throw new IllegalArgumentException("standard " + s + " has " + source[s].length + " source and "
                        + target[s].length + " target channels, not " + n);
            }
        }
        return source.length;
    }
}
