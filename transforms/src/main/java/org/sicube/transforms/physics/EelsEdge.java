package org.sicube.transforms.physics;

/**
 * One EELS ionisation edge: element, edge name ("K", "L2,3", "M4,5", ...), onset in eV of the first
 * component (K, L3 or M5) and of the second (L2 or M4; NaN for single edges), and whether the edge
 * carries white lines (sharp L3/L2 or M5/M4 peaks from transitions into empty d or f states).
 */
public record EelsEdge(String element, String edge, double onsetEv, double secondOnsetEv, boolean whiteLines) implements java.io.Serializable {

    public EelsEdge {
        if (element == null || element.isBlank() || edge == null || edge.isBlank()) {
            throw new IllegalArgumentException("an edge needs an element and a name");
        }
        if (!(onsetEv > 0)) {
            throw new IllegalArgumentException(element + " " + edge + ": onset must be positive, got " + onsetEv);
        }
        if (!Double.isNaN(secondOnsetEv) && secondOnsetEv < onsetEv) {
            throw new IllegalArgumentException(element + " " + edge + ": second onset below the first");
        }
    }

    public boolean isSplit() {
        return !Double.isNaN(secondOnsetEv);
    }

    /** Conventional label, e.g. "Fe_L2,3". */
    public String label() {
        return element + "_" + edge;
    }
}
