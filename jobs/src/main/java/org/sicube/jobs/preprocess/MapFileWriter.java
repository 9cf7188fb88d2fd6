package org.sicube.jobs.preprocess;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.sicube.jobs.store.ParquetRecords;

/**
 * Writes the maps gathered on the driver as {@code maps/} ({@link MapRows#SCHEMA}, the file
 * Spark's writer would make, as one file) with parquet-mr directly: they are already in the
 * driver's memory, and a Spark job shipping them back to the executors as rows took seconds for a
 * 10^6-pixel image. Map values are fitted floats, nearly all distinct: no dictionary.
 */
final class MapFileWriter {
    /** Spark's three-level list of required floats, so that Spark reads {@code values} as {@code array<float>}. */
    private static final MessageType SCHEMA = Types.buildMessage()
            .required(PrimitiveTypeName.INT32).named("y0")
            .required(PrimitiveTypeName.INT32).named("x0")
            .required(PrimitiveTypeName.INT32).named("height")
            .required(PrimitiveTypeName.INT32).named("width")
            .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("name")
            .requiredGroup().as(LogicalTypeAnnotation.listType())
                .repeatedGroup().required(PrimitiveTypeName.FLOAT).named("element").named("list")
            .named("values")
            .named("spark_schema");

    private MapFileWriter() {
    }

    /** Writes {@code maps} (map m named {@code names[m]}) into the new directory {@code dir}. */
    static void write(MapBlocks maps, List<String> names, Path dir, Configuration conf) throws IOException {
        FileSystem fs = dir.getFileSystem(conf);
        try (ParquetWriter<Record> w = ParquetRecords.to(new Path(dir, "part-00000.zstd.parquet"), SCHEMA,
                        (RecordConsumer out, Record r) -> r.writeTo(out, names))
                .withConf(conf).withCompressionCodec(CompressionCodecName.ZSTD).withDictionaryEncoding(false)
                .withExtraMetaData(Map.of("org.apache.spark.sql.parquet.row.metadata", MapRows.SCHEMA.json()))
                .build()) {
            for (MapBlocks.Entry e : maps.entries()) {
                for (int m = 0; m < names.size(); m++) {
                    w.write(new Record(e, m));
                }
            }
        }
        fs.create(new Path(dir, "_SUCCESS"), true).close();
    }

    /** One row: map {@code m} of a block. */
    private record Record(MapBlocks.Entry block, int m) {
        void writeTo(RecordConsumer out, List<String> names) {
            int[] at = {block.y0(), block.x0(), block.height(), block.width()};
            for (int i = 0; i < 4; i++) {
                out.startField(SCHEMA.getFieldName(i), i);
                out.addInteger(at[i]);
                out.endField(SCHEMA.getFieldName(i), i);
            }
            out.startField("name", 4);
            out.addBinary(Binary.fromString(names.get(m)));
            out.endField("name", 4);
            out.startField("values", 5);
            out.startGroup();
            float[] v = block.maps()[m];
            if (v.length > 0) {
                out.startField("list", 0);
                for (float x : v) {
                    out.startGroup();
                    out.startField("element", 0);
                    out.addFloat(x);
                    out.endField("element", 0);
                    out.endGroup();
                }
                out.endField("list", 0);
            }
            out.endGroup();
            out.endField("values", 5);
        }
    }
}
