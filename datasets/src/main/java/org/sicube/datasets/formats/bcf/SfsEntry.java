package org.sicube.datasets.formats.bcf;

/**
 * One item of the SFS file table (a 512-byte record): its name, the index of its parent item
 * (-1 at the root), whether it is a directory, its size in bytes and the chunk that holds the
 * start of its chunk-pointer table.
 */
record SfsEntry(String name, int parent, boolean directory, long size, long pointerTableChunk) {
}
