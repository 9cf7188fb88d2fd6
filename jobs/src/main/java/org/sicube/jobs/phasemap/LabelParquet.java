package org.sicube.jobs.phasemap;

import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.sicube.datasets.model.BlockNonZeros;

/**
 * The full-resolution phase labels as a Parquet dataset written by the executors, one row per
 * block: {@code y0, x0, height, width} (int) and {@code labels} (binary: height × width unsigned
 * bytes, row-major, 255 = no phase). Nothing per pixel passes through the driver.
 */
public final class LabelParquet {
    public static final String DIR = "labels";
    public static final StructType SCHEMA = DataTypes.createStructType(List.of(
            DataTypes.createStructField("y0", DataTypes.IntegerType, false),
            DataTypes.createStructField("x0", DataTypes.IntegerType, false),
            DataTypes.createStructField("height", DataTypes.IntegerType, false),
            DataTypes.createStructField("width", DataTypes.IntegerType, false),
            DataTypes.createStructField("labels", DataTypes.BinaryType, false)));

    private LabelParquet() {
    }

    /** Labels every block into {@code location}, adding each labelled block to {@code summary} on the way. */
    static void write(SparkSession spark, JavaRDD<BlockNonZeros> blocks, PhaseModel model,
            PhaseSummaryAccumulator summary, String location) {
        JavaRDD<Row> rows = blocks.map(b -> {
            PhaseSummary.Labelled labelled = model.label(b);
            summary.add(labelled);
            int[] labels = labelled.labels();
            byte[] bytes = new byte[labels.length];
            for (int i = 0; i < labels.length; i++) {
                bytes[i] = (byte) labels[i];
            }
            return RowFactory.create(b.y0(), b.x0(), b.height(), b.width(), bytes);
        });
        spark.createDataFrame(rows, SCHEMA).write().parquet(location);
    }
}
