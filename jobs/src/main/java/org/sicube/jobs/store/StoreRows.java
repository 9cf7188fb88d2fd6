package org.sicube.jobs.store;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.sicube.datasets.io.InvalidInputException;
import org.sicube.datasets.model.BlockNonZeros;
import org.sicube.datasets.model.PixelBlock;
import org.sicube.datasets.store.BlockCodec;

/**
 * One Parquet row per block: {@code y0, x0, height, width, channels} (int32), {@code encoding}
 * (string, see {@link BlockCodec}), {@code counts} (binary) and {@code total} (float64, the sum of
 * the block's counts).
 */
public final class StoreRows {
    public static final StructType SCHEMA = new StructType(new StructField[] {
        DataTypes.createStructField("y0", DataTypes.IntegerType, false),
        DataTypes.createStructField("x0", DataTypes.IntegerType, false),
        DataTypes.createStructField("height", DataTypes.IntegerType, false),
        DataTypes.createStructField("width", DataTypes.IntegerType, false),
        DataTypes.createStructField("channels", DataTypes.IntegerType, false),
        DataTypes.createStructField("encoding", DataTypes.StringType, false),
        DataTypes.createStructField("counts", DataTypes.BinaryType, false),
        DataTypes.createStructField("total", DataTypes.DoubleType, false),
    });

    private StoreRows() {
    }

    public static Row toRow(PixelBlock b) {
        return toRow(b, b.totalCounts());
    }

    /** The row of a block whose {@link PixelBlock#totalCounts} is already known. */
    public static Row toRow(PixelBlock b, double total) {
        BlockCodec.Encoded e = BlockCodec.encode(b);
        return RowFactory.create(b.y0(), b.x0(), b.height(), b.width(), b.channels(), e.encoding(), e.bytes(), total);
    }

    public static PixelBlock toBlock(Row r, int expectedChannels, String store) {
        int channels = channels(r, expectedChannels, store);
        try {
            return BlockCodec.decode(r.getInt(0), r.getInt(1), r.getInt(2), r.getInt(3), channels, r.getString(5),
                    (byte[]) r.get(6));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(store + ": " + e.getMessage(), e);
        }
    }

    /** The block's non-zero counts, parsed without a dense block where the encoding is sparse. */
    public static BlockNonZeros toNonZeros(Row r, int expectedChannels, String store) {
        int channels = channels(r, expectedChannels, store);
        try {
            return BlockCodec.decodeNonZeros(r.getInt(0), r.getInt(1), r.getInt(2), r.getInt(3), channels,
                    r.getString(5), (byte[]) r.get(6));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(store + ": " + e.getMessage(), e);
        }
    }

    private static int channels(Row r, int expectedChannels, String store) {
        int channels = r.getInt(4);
        if (channels != expectedChannels) {
            throw new InvalidInputException(store + ": block at (" + r.getInt(0) + ", " + r.getInt(1) + ") has "
                    + channels + " channels but the header says " + expectedChannels);
        }
        return channels;
    }
}
