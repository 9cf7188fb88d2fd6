package org.sicube.jobs.preprocess;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.sicube.datasets.model.PixelBlock;

/**
 * The output store's {@code maps/} dataset (Parquet): one row per block and map, {@code y0, x0,
 * height, width} (int32, the block), {@code name} (string, e.g. {@code powerlaw_r}) and
 * {@code values} (array of float32, the block's pixels row-major).
 */
final class MapRows {
    static final String DIR = "maps";
    static final StructType SCHEMA = new StructType(new StructField[] {
        DataTypes.createStructField("y0", DataTypes.IntegerType, false),
        DataTypes.createStructField("x0", DataTypes.IntegerType, false),
        DataTypes.createStructField("height", DataTypes.IntegerType, false),
        DataTypes.createStructField("width", DataTypes.IntegerType, false),
        DataTypes.createStructField("name", DataTypes.StringType, false),
        DataTypes.createStructField("values", DataTypes.createArrayType(DataTypes.FloatType, false), false),
    });

    private MapRows() {
    }

    static Iterator<Row> rows(PixelBlock b, float[][] maps, List<String> names) {
        return rows(b.y0(), b.x0(), b.height(), b.width(), maps, names);
    }

    /** The rows of one block at (y0, x0), height × width pixels, {@code maps[m][pixel]}. */
    static Iterator<Row> rows(int y0, int x0, int height, int width, float[][] maps, List<String> names) {
        List<Row> out = new ArrayList<>(names.size());
        for (int m = 0; m < names.size(); m++) {
            // A primitive array: Spark converts it where the row is written; boxed on the driver,
            // 10^6 px × 5 maps were 5·10^6 Float objects to serialize into the tasks.
            out.add(RowFactory.create(y0, x0, height, width, names.get(m), maps[m]));
        }
        return out.iterator();
    }
}
