package org.sicube.transforms.synthetic;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sicube.transforms.physics.XrayLineTable;

/**
 * A phase of a synthetic EDS sample: a name, a composition in atomic percent (summing to 100 ± 0.5)
 * over elements of the X-ray line table, and a relative area weight used by the grain layout.
 */
public record Phase(String name, Map<String, Double> atomicPercent, double areaWeight) implements java.io.Serializable {

    public Phase {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a phase needs a name");
        }
        if (atomicPercent == null || atomicPercent.isEmpty()) {
            throw new IllegalArgumentException("phase " + name + " has no composition");
        }
        double sum = 0;
        for (Map.Entry<String, Double> e : atomicPercent.entrySet()) {
            if (!XrayLineTable.get().contains(e.getKey())) {
                throw new IllegalArgumentException("phase " + name + ": element '" + e.getKey()
                        + "' has no tabulated X-ray lines");
            }
            if (!(e.getValue() > 0) || !Double.isFinite(e.getValue())) {
                throw new IllegalArgumentException("phase " + name + ": " + e.getKey() + " at.% must be positive, got " + e.getValue());
            }
            sum += e.getValue();
        }
        if (Math.abs(sum - 100.0) > 0.5) {
            throw new IllegalArgumentException("phase " + name + ": composition sums to " + sum + " at.%, not 100");
        }
        if (!(areaWeight > 0) || !Double.isFinite(areaWeight)) {
            throw new IllegalArgumentException("phase " + name + ": area weight must be positive, got " + areaWeight);
        }
        atomicPercent = Collections.unmodifiableMap(new LinkedHashMap<>(atomicPercent));
    }

    /** Convenience: {@code Phase.of("brass", 1, "Cu", 65, "Zn", 35)}. */
    public static Phase of(String name, double areaWeight, Object... elementPercentPairs) {
        if (elementPercentPairs.length % 2 != 0) {
            throw new IllegalArgumentException("composition needs element, at.% pairs");
        }
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < elementPercentPairs.length; i += 2) {
            m.put((String) elementPercentPairs[i], ((Number) elementPercentPairs[i + 1]).doubleValue());
        }
        return new Phase(name, m, areaWeight);
    }

    /** Mean atomic number Σ c_i Z_i (atomic fractions), the Z̄ of Kramers' law. */
    public double meanAtomicNumber() {
        double z = 0;
        for (Map.Entry<String, Double> e : atomicPercent.entrySet()) {
            z += e.getValue() / 100.0 * XrayLineTable.get().atomicNumber(e.getKey());
        }
        return z;
    }
}
