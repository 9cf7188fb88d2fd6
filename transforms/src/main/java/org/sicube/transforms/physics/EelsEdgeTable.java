package org.sicube.transforms.physics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Onset energies (eV) of the common EELS core-loss edges: K edges of light elements, L2,3 of Si to
 * Zn, M4,5 of the 4d and 5d metals and the lanthanides. Values from HyperSpy's elements database
 * (hyperspy/misc/elements.py, "Binding_energies"), which follows the Gatan EELS Atlas; the white-line
 * flag marks edges whose near-edge structure is dominated by L3/L2 or M5/M4 peaks.
 */
public final class EelsEdgeTable {

    private static final double NONE = Double.NaN;

    private static final List<EelsEdge> EDGES = sorted(List.of(
            new EelsEdge("B", "K", 188, NONE, false),
            new EelsEdge("C", "K", 284, NONE, false),
            new EelsEdge("N", "K", 401, NONE, false),
            new EelsEdge("O", "K", 532, NONE, false),
            new EelsEdge("F", "K", 685, NONE, false),
            new EelsEdge("Na", "K", 1072, NONE, false),
            new EelsEdge("Mg", "K", 1305, NONE, false),
            new EelsEdge("Al", "K", 1560, NONE, false),
            new EelsEdge("Si", "K", 1839, NONE, false),
            new EelsEdge("Al", "L2,3", 73, NONE, false),
            new EelsEdge("Si", "L2,3", 99.2, 99.8, false),
            new EelsEdge("P", "L2,3", 132, NONE, false),
            new EelsEdge("S", "L2,3", 165, NONE, false),
            new EelsEdge("K", "L2,3", 294, 296, true),
            new EelsEdge("Ca", "L2,3", 346, 350, true),
            new EelsEdge("Sc", "L2,3", 402, 407, true),
            new EelsEdge("Ti", "L2,3", 456, 462, true),
            new EelsEdge("V", "L2,3", 513, 521, true),
            new EelsEdge("Cr", "L2,3", 575, 584, true),
            new EelsEdge("Mn", "L2,3", 640, 651, true),
            new EelsEdge("Fe", "L2,3", 708, 721, true),
            new EelsEdge("Co", "L2,3", 779, 794, true),
            new EelsEdge("Ni", "L2,3", 855, 872, true),
            new EelsEdge("Cu", "L2,3", 931, 951, true),
            new EelsEdge("Zn", "L2,3", 1020, 1043, false),
            new EelsEdge("Zr", "M4,5", 181, 181, false),
            new EelsEdge("Nb", "M4,5", 202.3, 205, false),
            new EelsEdge("Mo", "M4,5", 227, 228, false),
            new EelsEdge("Pd", "M4,5", 335, 340, false),
            new EelsEdge("Ag", "M4,5", 367, 373, false),
            new EelsEdge("Sn", "M4,5", 485, 494, false),
            new EelsEdge("Te", "M4,5", 572, 582, false),
            new EelsEdge("I", "M4,5", 620, 631, false),
            new EelsEdge("Cs", "M4,5", 726, 740, true),
            new EelsEdge("Ba", "M4,5", 781, 796, true),
            new EelsEdge("La", "M4,5", 832, 849, true),
            new EelsEdge("Ce", "M4,5", 883, 901, true),
            new EelsEdge("Nd", "M4,5", 978, 1000, true),
            new EelsEdge("Sm", "M4,5", 1080, 1106, true),
            new EelsEdge("Gd", "M4,5", 1185, 1217, true),
            new EelsEdge("Hf", "M4,5", 1662, 1716, false),
            new EelsEdge("Ta", "M4,5", 1735, 1793, false),
            new EelsEdge("W", "M4,5", 1809, 1872, false),
            new EelsEdge("Pt", "M4,5", 2122, 2202, false),
            new EelsEdge("Au", "M4,5", 2206, 2291, false)));

    private EelsEdgeTable() {
    }

    /** All edges sorted by onset. */
    public static List<EelsEdge> all() {
        return EDGES;
    }

    /** The named edge, e.g. {@code edge("Fe", "L2,3")}. */
    public static EelsEdge edge(String element, String edge) {
        for (EelsEdge e : EDGES) {
            if (e.element().equals(element) && e.edge().equals(edge)) {
                return e;
            }
        }
        throw new IllegalArgumentException("no EELS edge " + element + " " + edge + " in the table");
    }

    /** Edges whose first onset lies in [loEv, hiEv], sorted by onset. */
    public static List<EelsEdge> inWindow(double loEv, double hiEv) {
        List<EelsEdge> out = new ArrayList<>();
        for (EelsEdge e : EDGES) {
            if (e.onsetEv() >= loEv && e.onsetEv() <= hiEv) {
                out.add(e);
            }
        }
        return out;
    }

    private static List<EelsEdge> sorted(List<EelsEdge> edges) {
        List<EelsEdge> l = new ArrayList<>(edges);
        l.sort(Comparator.comparingDouble(EelsEdge::onsetEv));
        return List.copyOf(l);
    }
}
