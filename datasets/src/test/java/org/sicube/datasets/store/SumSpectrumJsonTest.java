package org.sicube.datasets.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.sicube.datasets.io.InvalidInputException;

class SumSpectrumJsonTest {

    @Test
    void valuesRoundTripExactly() {
        double[] v = {0, 1.0 / 3, 7.267068608E10, -2.5e-7, 1234567.000000954, Double.MIN_NORMAL};
        assertArrayEquals(v, SumSpectrumJson.read(SumSpectrumJson.write(v), "s/sum_spectrum.json", v.length), 0.0);
    }

    @Test
    void wrongLengthOrValuesAreNamed() {
        String json = SumSpectrumJson.write(new double[] {1, 2, 3});
        var e = assertThrows(InvalidInputException.class, () -> SumSpectrumJson.read(json, "s/sum_spectrum.json", 4));
        assertTrue(e.getMessage().contains("s/sum_spectrum.json") && e.getMessage().contains("4 channels"), e.getMessage());
        var e2 = assertThrows(InvalidInputException.class,
                () -> SumSpectrumJson.read("{\"channels\": 2, \"values\": [1, \"x\"]}", "s/sum_spectrum.json", 2));
        assertTrue(e2.getMessage().contains("item 1"), e2.getMessage());
        var e3 = assertThrows(InvalidInputException.class, () -> SumSpectrumJson.read("{", "s/sum_spectrum.json", 2));
        assertTrue(e3.getMessage().contains("not valid JSON"), e3.getMessage());
    }
}
