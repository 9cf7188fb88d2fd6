package org.sicube.jobs.preprocess.stages;

import java.util.Locale;
import org.sicube.jobs.transfer.TransferFile;
import org.sicube.transforms.physics.EnergyGrid;
import org.sicube.transforms.transfer.BandedTransfer;

/**
 * {@code transfer}: maps each spectrum onto another instrument's response with the banded linear
 * map of a {@code transfer} run ({@code model: RUN/transfer.json} or {@code RUN}); the stage's
 * input grid must be the axis the map was learned on (offset and width in eV, channel count).
 */
public record TransferStage(BandedTransfer model, EnergyGrid learnedOn, String location, String key) implements Stage {

    static TransferStage parse(StageParams p) {
        p.allowOnly("model");
        String location = p.text("model", null);
        if (location == null) {
            throw p.error("model", "is required: the transfer.json of a 'sicube transfer' run");
        }
        TransferFile.Loaded m = TransferFile.read(location, "config key " + p.key("model"));
        EnergyGrid g = new EnergyGrid(m.axis().size(), m.axis().offsetEv(), m.axis().scaleEv());
        return new TransferStage(m.model(), g, location, p.key("model"));
    }

    @Override
    public String type() {
        return "transfer";
    }

    /** The same grid; an error naming both axes when the input is not the one the map was learned on. */
    @Override
    public EnergyGrid output(EnergyGrid in) {
        double tol = 1e-6 * learnedOn.scaleEv();
        boolean same = in.channels() == learnedOn.channels() && Math.abs(in.offsetEv() - learnedOn.offsetEv()) <= tol
                && Math.abs(in.scaleEv() - learnedOn.scaleEv()) * in.channels() <= tol;
        if (!same) {
            throw new IllegalArgumentException("config key " + key + " (transfer): " + location + " was learned on "
                    + describe(learnedOn) + " but the stage's input is " + describe(in)
                    + "; put the transfer where the axis matches (before crop, ebin or calibrate) or learn it on this axis");
        }
        return in;
    }

    @Override
    public Kernel kernel(EnergyGrid in) {
        double[] out = new double[in.channels()];
        return (s, maps) -> model.apply(s, out);
    }

    private static String describe(EnergyGrid g) {
        return String.format(Locale.ROOT, "%d ch from %.6g eV by %.6g eV", g.channels(), g.offsetEv(), g.scaleEv());
    }
}
