package org.sicube.datasets.formats.dm;

import java.nio.ByteOrder;

/** A parsed DigitalMicrograph file: format version (3 or 4), byte order of the data, and the root tag group. */
record DmTagTree(int version, ByteOrder order, DmGroup root) {
}
