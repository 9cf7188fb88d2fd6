package org.sicube.datasets.formats.jeol;

/**
 * The 16-bit little-endian words of a {@code .pts} event stream: the top four bits say what the low
 * twelve bits are. 0x8000 sets the beam's x scan coordinate, 0x9000 its y coordinate (0..4095 across
 * the field, so pixel = value / (4096 / pixels)), 0xA000 is an image-detector sample at the current
 * position and 0xB000 is one X-ray event whose value is its energy channel. A y value below the
 * previous one starts a new frame (sweep).
 */
final class PtsEvents {
    static final int X = 0x8000;
    static final int Y = 0x9000;
    static final int IMAGE = 0xA000;
    static final int XRAY = 0xB000;
    /** Words read per positioned read while scanning or decoding. */
    static final int CHUNK_WORDS = 1 << 19;

    private PtsEvents() {
    }

    static int kind(int word) {
        return word & 0xF000;
    }

    static int value(int word) {
        return word & 0x0FFF;
    }
}
