package org.sicube.jobs.preprocess.stages;

import org.sicube.transforms.physics.EnergyGrid;
import org.sicube.transforms.spatial.PixelBinning;

/**
 * {@code bin}: spatial binning, each output pixel the sum of {@code factor × factor} pixels (counts
 * conserved); rows and columns beyond the last whole group at the image's bottom and right edges
 * are dropped. The store's block height and width must be multiples of the factor (so that no
 * group crosses a block border); the output blocks are factor times smaller, the pixel size factor
 * times larger. Maps of earlier stages are averaged over each group (finite values).
 */
public record BinStage(String key, int factor) implements SpatialStage {

    static BinStage parse(StageParams p) {
        p.allowOnly("factor");
        int f = p.integer("factor", 0);
        if (f < 2) {
            throw p.error("factor", "must be an integer of at least 2, got " + (p.has("factor") ? f : "nothing"));
        }
        return new BinStage(p.key("factor"), f);
    }

    @Override
    public String type() {
        return "bin";
    }

    @Override
    public EnergyGrid output(EnergyGrid in) {
        return in;
    }

    @Override
    public ImageShape shape(ImageShape in) {
        if (in.blockHeight() % factor != 0 || in.blockWidth() % factor != 0) {
            throw new IllegalArgumentException("config key " + key + " (bin): the store's blocks of "
                    + in.blockHeight() + "x" + in.blockWidth() + " pixels (--block when it was written, after earlier"
                    + " bin stages) are not divisible by factor " + factor + "; rewrite the store with --block a"
                    + " multiple of " + factor + ", e.g. " + 32 * factor + "x" + 32 * factor);
        }
        if (in.ny() < factor || in.nx() < factor) {
            throw new IllegalArgumentException("config key " + key + " (bin): factor " + factor
                    + " exceeds the image of " + in.ny() + "x" + in.nx() + " pixels");
        }
        return new ImageShape(in.ny() / factor, in.nx() / factor, in.blockHeight() / factor,
                in.blockWidth() / factor, in.pixelSize() * factor);
    }

    @Override
    public BlockKernel blockKernel(EnergyGrid in, ImageShape shape) {
        return (b, firstMap) -> {
            b.data = PixelBinning.sum(b.data, b.height, b.width, b.channels, factor);
            for (int m = 0; m < b.maps.length; m++) {
                b.maps[m] = PixelBinning.mean(b.maps[m], b.height, b.width, factor);
            }
            b.y0 /= factor;
            b.x0 /= factor;
            b.height /= factor;
            b.width /= factor;
        };
    }
}
