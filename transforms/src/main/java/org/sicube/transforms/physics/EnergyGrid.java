package org.sicube.transforms.physics;

/**
 * A uniform energy grid in eV: channel {@code i} is centred on {@code offsetEv + i * scaleEv}, for
 * {@code channels} channels (the same convention as the spectrum-image energy axis).
 */
public record EnergyGrid(int channels, double offsetEv, double scaleEv) implements java.io.Serializable {

    public EnergyGrid {
        if (channels <= 0) {
            throw new IllegalArgumentException("an energy grid needs at least one channel, got " + channels);
        }
        if (!(scaleEv > 0) || !Double.isFinite(scaleEv)) {
            throw new IllegalArgumentException("channel width must be a positive number of eV, got " + scaleEv);
        }
        if (!Double.isFinite(offsetEv)) {
            throw new IllegalArgumentException("energy offset must be finite, got " + offsetEv);
        }
    }

    /** Centre of channel {@code i} in eV (fractional channels allowed). */
    public double energyEv(double i) {
        return offsetEv + i * scaleEv;
    }

    /** Fractional channel index whose centre is at {@code energyEv}. */
    public double channelOf(double energyEv) {
        return (energyEv - offsetEv) / scaleEv;
    }

    /** Centre of the last channel in eV. */
    public double lastEnergyEv() {
        return energyEv(channels - 1);
    }
}
