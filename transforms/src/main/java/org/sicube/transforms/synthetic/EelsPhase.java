package org.sicube.transforms.synthetic;

import java.util.ArrayList;
import java.util.List;
import org.sicube.transforms.physics.EelsEdge;
import org.sicube.transforms.physics.EelsEdgeTable;

/**
 * A phase of a synthetic EELS sample: its ionisation edges, each with a jump (edge intensity just
 * above the onset relative to the background there, so the jump ratio is 1 + jump), and a relative
 * area weight for the grain layout. The first edge (lowest onset) defines the pixel's jump ratio.
 */
public record EelsPhase(String name, List<Edge> edges, double areaWeight) implements java.io.Serializable {

    /** One edge of the phase and its jump (dimensionless, > 0). */
    public record Edge(EelsEdge edge, double jump) implements java.io.Serializable {
        public Edge {
            if (edge == null || !(jump > 0) || !Double.isFinite(jump)) {
                throw new IllegalArgumentException("an edge needs a table entry and a positive jump, got " + jump);
            }
        }
    }

    public EelsPhase {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a phase needs a name");
        }
        if (edges == null || edges.isEmpty()) {
            throw new IllegalArgumentException("EELS phase " + name + " has no edges");
        }
        if (!(areaWeight > 0) || !Double.isFinite(areaWeight)) {
            throw new IllegalArgumentException("phase " + name + ": area weight must be positive, got " + areaWeight);
        }
        List<Edge> sorted = new ArrayList<>(edges);
        sorted.sort((a, b) -> Double.compare(a.edge().onsetEv(), b.edge().onsetEv()));
        edges = List.copyOf(sorted);
    }

    /** Convenience: {@code EelsPhase.of("TiO2", 1, "Ti", "L2,3", 1.2, "O", "K", 0.6)}. */
    public static EelsPhase of(String name, double areaWeight, Object... elementEdgeJump) {
        if (elementEdgeJump.length % 3 != 0) {
            throw new IllegalArgumentException("edges need element, edge, jump triples");
        }
        List<Edge> edges = new ArrayList<>();
        for (int i = 0; i < elementEdgeJump.length; i += 3) {
            edges.add(new Edge(EelsEdgeTable.edge((String) elementEdgeJump[i], (String) elementEdgeJump[i + 1]),
                    ((Number) elementEdgeJump[i + 2]).doubleValue()));
        }
        return new EelsPhase(name, edges, areaWeight);
    }

    public double firstOnsetEv() {
        return edges.get(0).edge().onsetEv();
    }
}
