package org.sicube.jobs.store;

import org.apache.spark.util.AccumulatorV2;
import org.sicube.datasets.model.PixelBlock;

/**
 * The sum spectrum of the blocks a store writer writes, gathered while it writes them: each task
 * sums its blocks into one {@link SumSpectrum} ({@code E} longs) and the driver merges those, so
 * it holds {@code E} numbers whatever the image size. Updated in the writing stage only, whose
 * task results Spark counts once per partition. A sum too large for fixed point gives no value
 * (the store then records no sum spectrum) instead of failing the writer.
 */
public final class SumSpectrumAccumulator extends AccumulatorV2<PixelBlock, double[]> {
    private SumSpectrum sum;
    private boolean overflowed;

    public SumSpectrumAccumulator(int channels) {
        sum = new SumSpectrum(channels);
    }

    @Override
    public boolean isZero() {
        return !overflowed && sum.isZero();
    }

    @Override
    public SumSpectrumAccumulator copy() {
        SumSpectrumAccumulator c = new SumSpectrumAccumulator(sum.channels());
        c.merge(this);
        return c;
    }

    @Override
    public void reset() {
        sum = new SumSpectrum(sum.channels());
        overflowed = false;
    }

    @Override
    public void add(PixelBlock b) {
        if (b.channels() != sum.channels()) {
            throw new IllegalArgumentException("block of " + b.channels() + " channels in a sum of " + sum.channels());
        }
        if (!overflowed) {
            try {
                sum.add(b.counts());
            } catch (ArithmeticException e) {
                overflowed = true;
            }
        }
    }

    @Override
    public void merge(AccumulatorV2<PixelBlock, double[]> other) {
        SumSpectrumAccumulator o = (SumSpectrumAccumulator) other;
        overflowed |= o.overflowed;
        if (!overflowed) {
            try {
                sum.merge(o.sum);
            } catch (ArithmeticException e) {
                overflowed = true;
            }
        }
    }

    /** The sum per channel, or null when it overflowed. */
    @Override
    public double[] value() {
        return overflowed ? null : sum.spectrum();
    }
}
