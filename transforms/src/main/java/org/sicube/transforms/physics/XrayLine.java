package org.sicube.transforms.physics;

/**
 * One characteristic X-ray line: {@code element} (symbol), atomic number {@code z}, line name in
 * Siegbahn notation ("Ka", "Kb", "La", "Lb1", "Ma"), energy in keV, and weight relative to the
 * strongest line of its family (K, L or M).
 */
public record XrayLine(String element, int z, String line, double energyKeV, double weight) {

    public XrayLine {
        if (element == null || element.isBlank() || line == null || line.isBlank()) {
            throw new IllegalArgumentException("an X-ray line needs an element and a line name");
        }
        if (z < 1 || z > 118) {
            throw new IllegalArgumentException("atomic number out of range for " + element + ": " + z);
        }
        if (!(energyKeV > 0) || !(weight >= 0)) {
            throw new IllegalArgumentException(element + " " + line + ": energy must be positive and weight non-negative");
        }
    }

    /** The shell family of the line: 'K', 'L' or 'M'. */
    public char family() {
        return line.charAt(0);
    }

    public double energyEv() {
        return energyKeV * 1000.0;
    }

    /** Conventional label, e.g. "Fe_Ka". */
    public String label() {
        return element + "_" + line;
    }
}
