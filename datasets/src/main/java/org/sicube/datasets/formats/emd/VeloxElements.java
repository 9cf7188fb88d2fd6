package org.sicube.datasets.formats.emd;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.TreeSet;
import org.sicube.datasets.io.InvalidInputException;

/**
 * The elements selected for quantification in Velox, as chemical symbols: the atomic numbers in
 * {@code elementSelection} of {@code /Operations/ImageQuantificationOperation/*} (files before
 * version 11) or {@code /SharedProperties/EDSSpectrumQuantificationSettings/*} (version 11 on).
 * Informational only: an unreadable selection gives an empty list rather than failing the read.
 */
final class VeloxElements {
    private static final String[] SYMBOLS = ("H He Li Be B C N O F Ne Na Mg Al Si P S Cl Ar K Ca Sc Ti V Cr Mn Fe Co"
            + " Ni Cu Zn Ga Ge As Se Br Kr Rb Sr Y Zr Nb Mo Tc Ru Rh Pd Ag Cd In Sn Sb Te I Xe Cs Ba La Ce Pr Nd Pm"
            + " Sm Eu Gd Tb Dy Ho Er Tm Yb Lu Hf Ta W Re Os Ir Pt Au Hg Tl Pb Bi Po At Rn Fr Ra Ac Th Pa U Np Pu Am"
            + " Cm Bk Cf Es Fm Md No Lr").split(" ");
    private static final String[] GROUPS = {
        "/Operations/ImageQuantificationOperation", "/SharedProperties/EDSSpectrumQuantificationSettings"};

    private VeloxElements() {
    }

    static List<String> selected(EmdHdf hdf) {
        TreeSet<String> out = new TreeSet<>();
        for (String group : GROUPS) {
            if (hdf.nodeOrNull(group) == null) {
                continue;
            }
            for (String name : datasetNames(hdf, group)) {
                try {
                    JsonNode sel = VeloxJson.stringDataset(hdf, group + "/" + name).path("elementSelection");
                    for (JsonNode z : sel) {
                        int n = (int) Math.rint(z.isNumber() ? z.doubleValue() : Double.parseDouble(z.asText()));
                        if (n >= 1 && n <= SYMBOLS.length) {
                            out.add(SYMBOLS[n - 1]);
                        }
                    }
                } catch (InvalidInputException | NumberFormatException e) {
                    // an unreadable quantification setting only loses the element list
                }
            }
        }
        return List.copyOf(out);
    }

    private static List<String> datasetNames(EmdHdf hdf, String group) {
        if (!(hdf.nodeOrNull(group) instanceof io.jhdf.api.Group g)) {
            return List.of();
        }
        return hdf.guard(group, () -> g.getChildren().entrySet().stream()
                .filter(e -> e.getValue() instanceof io.jhdf.api.Dataset).map(java.util.Map.Entry::getKey).sorted().toList());
    }
}
