package org.sicube.jobs.preprocess.stages;

import org.sicube.jobs.store.SumSpectrum;

/**
 * The sum spectrum of all pixels (a stage's global reference), exactly the same in any order
 * ({@link SumSpectrum}): the reference, and so the output, does not depend on the block size or
 * the partitioning. For a first stage it is the sum spectrum the input store recorded, when it has one.
 */
final class ReferenceSum implements Summary {
    private final SumSpectrum sum;

    ReferenceSum(int channels) {
        this(new SumSpectrum(channels));
    }

    private ReferenceSum(SumSpectrum sum) {
        this.sum = sum;
    }

    @Override
    public void add(WorkBlock b) {
        for (int p = 0; p < b.pixels(); p++) {
            sum.add(b.data, p * b.channels);
        }
    }

    @Override
    public ReferenceSum merge(Summary other) {
        sum.merge(((ReferenceSum) other).sum);
        return this;
    }

    @Override
    public Summary fromSumSpectrum(double[] sumSpectrum) {
        return sumSpectrum.length == sum.channels() ? new ReferenceSum(SumSpectrum.of(sumSpectrum)) : null;
    }

    double[] spectrum() {
        return sum.spectrum();
    }
}
