package org.sicube.jobs.anomaly;

import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.sicube.transforms.anomaly.DevianceThreshold;

/**
 * The full-resolution anomaly mask as a Parquet dataset written by the executors, one row per
 * block: {@code y0, x0, height, width} (int) and {@code flagged} (binary: height × width bytes,
 * row-major, 1 = deviance above the threshold, 0 = not). The layout of the phase labels.
 */
public final class MaskParquet {
    public static final String DIR = "anomaly_mask";
    static final StructType SCHEMA = DataTypes.createStructType(List.of(
            DataTypes.createStructField("y0", DataTypes.IntegerType, false),
            DataTypes.createStructField("x0", DataTypes.IntegerType, false),
            DataTypes.createStructField("height", DataTypes.IntegerType, false),
            DataTypes.createStructField("width", DataTypes.IntegerType, false),
            DataTypes.createStructField("flagged", DataTypes.BinaryType, false)));

    private MaskParquet() {
    }

    static void write(SparkSession spark, JavaRDD<BlockDeviance> blocks, DevianceThreshold threshold, String location) {
        JavaRDD<Row> rows = blocks.map(f -> RowFactory.create(f.y0(), f.x0(), f.height(), f.width(),
                f.mask(threshold)));
        spark.createDataFrame(rows, SCHEMA).write().parquet(location);
    }
}
