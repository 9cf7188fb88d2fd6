package org.sicube.jobs.preprocess.stages;

import java.util.List;

/** The stage types a pipeline config may name, and the parser of each. */
public final class Stages {
    public static final List<String> TYPES = List.of("powerlaw", "snip", "asls", "align", "calibrate", "normalize",
            "crop", "ebin", "mask-zero-channels", "gain", "transfer", "lcpl", "lba", "continuum", "bin");

    private Stages() {
    }

    /** Parses one {@code stages[i]} entry; {@code a} gives defaults from the store's header; errors name the key. */
    public static Stage parse(StageParams p, Acquisition a) {
        return switch (p.type()) {
            case "powerlaw" -> PowerLawStage.parse(p);
            case "snip" -> SnipStage.parse(p);
            case "asls" -> AslsStage.parse(p);
            case "align" -> AlignStage.parse(p);
            case "calibrate" -> CalibrateStage.parse(p);
            case "normalize" -> NormalizeStage.parse(p);
            case "crop" -> CropStage.parse(p);
            case "ebin" -> EbinStage.parse(p);
            case "mask-zero-channels" -> MaskZeroStage.parse(p);
            case "gain" -> GainStage.parse(p);
            case "transfer" -> TransferStage.parse(p);
            case "lcpl" -> LcplStage.parse(p);
            case "lba" -> LbaStage.parse(p);
            case "continuum" -> ContinuumStage.parse(p, a);
            case "bin" -> BinStage.parse(p);
            default -> throw new IllegalArgumentException("config key " + p.key("type") + ": unknown stage type '"
                    + p.type() + "'; known types: " + String.join(", ", TYPES));
        };
    }
}
