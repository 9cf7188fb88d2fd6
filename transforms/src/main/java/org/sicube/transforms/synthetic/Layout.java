package org.sicube.transforms.synthetic;

/** Spatial arrangement of the phases of a synthetic image. */
public enum Layout {
    /** Voronoi grains over a jittered grid of cells of the feature size. */
    GRAINS,
    /** Horizontal bands of the feature size with gently wavy interfaces, phases in turn. */
    LAYERS
}
