package org.sicube.datasets.formats.dm;

import java.nio.ByteOrder;

/** Gives tests in other packages the generated DM files. */
public final class DmFixturesAccess {
    private DmFixturesAccess() {
    }

    /** A small dm4 spectrum image: 6 x 5 pixels, 8 channels, uint16, big endian. */
    public static byte[] smallDm4() {
        return DmFixtures.spectrumImage(4, ByteOrder.BIG_ENDIAN, 6, 5, 8, DmPixelType.UINT16, false);
    }
}
