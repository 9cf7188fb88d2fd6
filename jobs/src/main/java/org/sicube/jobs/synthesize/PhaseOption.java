package org.sicube.jobs.synthesize;

import java.util.LinkedHashMap;
import java.util.Map;
import org.sicube.transforms.physics.XrayLineTable;
import org.sicube.transforms.synthetic.Phase;

/** Parses a phase given on the command line as {@code NAME:El=at.%,El=at.%}, e.g. {@code alloy:Fe=70,Cr=20,Ni=10}. */
final class PhaseOption {
    private PhaseOption() {
    }

    static Phase parse(String option, String text) {
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException(option + " '" + text + "' must look like NAME:El=at.%,El=at.% e.g. alloy:Fe=70,Cr=30");
        }
        Map<String, Double> composition = new LinkedHashMap<>();
        for (String part : text.substring(colon + 1).split(",")) {
            String[] kv = part.split("=");
            if (kv.length != 2) {
                throw new IllegalArgumentException(option + " '" + text + "': '" + part + "' must look like El=at.%");
            }
            String element = kv[0].trim();
            if (!XrayLineTable.get().contains(element)) {
                throw new IllegalArgumentException(option + " '" + text + "': element '" + element
                        + "' is not in the X-ray line table");
            }
            try {
                composition.put(element, Double.parseDouble(kv[1].trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " '" + text + "': '" + kv[1] + "' is not a number");
            }
        }
        return new Phase(text.substring(0, colon).trim(), composition, 1.0);
    }
}
