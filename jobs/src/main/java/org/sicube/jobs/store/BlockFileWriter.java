package org.sicube.jobs.store;

import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.Row;

/**
 * Writes one partition's store rows ({@link StoreRows#SCHEMA}) as one Parquet file of
 * {@code blocks/} with parquet-mr itself: the file Spark's writer would make (Spark's schema in
 * the footer) without turning each row into Spark's internal rows, which copies every block twice
 * more. Blocks are megabytes of binary each: a dictionary never pays, and zstd level 1 compresses
 * 2–4× faster than the default 3 for 5–10 % more bytes. Parquet checks a page's size only every 100 rows at first,
 * which made one page of a whole file's blocks (hundreds of MB, decompressed at once by readers):
 * it checks after every row here, so each block is a page of its own. Min/max statistics of the
 * counts would copy every new extreme block and are left out of the footer anyway (above 4 KB):
 * off for that column. A task writes under a hidden name of its own attempt and renames the file
 * when complete, so a retried or speculative task leaves one file; {@link #finish} removes what
 * killed attempts left.
 */
final class BlockFileWriter {
    private static final MessageType SCHEMA = Types.buildMessage()
            .required(PrimitiveTypeName.INT32).named("y0")
            .required(PrimitiveTypeName.INT32).named("x0")
            .required(PrimitiveTypeName.INT32).named("height")
            .required(PrimitiveTypeName.INT32).named("width")
            .required(PrimitiveTypeName.INT32).named("channels")
            .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("encoding")
            .required(PrimitiveTypeName.BINARY).named("counts")
            .required(PrimitiveTypeName.DOUBLE).named("total")
            .named("spark_schema");
    private static final String ATTEMPT = ".attempt-";

    private BlockFileWriter() {
    }

    /** Writes the task's rows into {@code dir} as {@code part-NNNNN-JOB.zstd.parquet} (nothing for an empty partition but the first). */
    static void write(Iterator<Row> rows, String dir, String job, Configuration conf) throws IOException {
        TaskContext task = TaskContext.get();
        int part = task.partitionId();
        if (!rows.hasNext() && part != 0) {
            return;
        }
        String name = String.format("part-%05d-%s.zstd.parquet", part, job);
        Path file = new Path(dir, name);
        Path attempt = new Path(dir, "." + name + ATTEMPT + task.attemptNumber());
        FileSystem fs = file.getFileSystem(conf);
        fs.setWriteChecksum(false);
        // Local disks are written past the page cache (see DirectOutputFile); HDFS as Hadoop writes.
        ParquetRecords<Row> builder = fs instanceof org.apache.hadoop.fs.LocalFileSystem local
                ? ParquetRecords.to(new DirectOutputFile(local.pathToFile(attempt).toPath()), SCHEMA, BlockFileWriter::record)
                : ParquetRecords.to(attempt, SCHEMA, BlockFileWriter::record);
        try (ParquetWriter<Row> w = builder.withConf(conf).withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withCompressionCodec(CompressionCodecName.ZSTD).config("parquet.compression.codec.zstd.level", "1")
                .withDictionaryEncoding(false).withMinRowCountForPageSizeCheck(1).withMaxRowCountForPageSizeCheck(1)
                .withStatisticsEnabled("counts", false)
                .withExtraMetaData(Map.of("org.apache.spark.sql.parquet.row.metadata", StoreRows.SCHEMA.json()))
                .build()) {
            while (rows.hasNext()) {
                w.write(rows.next());
            }
        }
        fs.delete(file, false);
        if (!fs.rename(attempt, file)) {
            throw new IOException("cannot rename " + attempt + " to " + file);
        }
    }

    /** Removes files of attempts that did not finish and marks the directory complete, as Spark's writer does. */
    static void finish(FileSystem fs, Path dir) throws IOException {
        for (FileStatus s : fs.listStatus(dir)) {
            if (s.getPath().getName().contains(ATTEMPT)) {
                fs.delete(s.getPath(), false);
            }
        }
        fs.create(new Path(dir, "_SUCCESS"), true).close();
    }

    /** One store row as one Parquet record, the counts passed by reference. */
    private static void record(RecordConsumer out, Row r) {
        for (int i = 0; i < 5; i++) {
            out.startField(SCHEMA.getFieldName(i), i);
            out.addInteger(r.getInt(i));
            out.endField(SCHEMA.getFieldName(i), i);
        }
        out.startField("encoding", 5);
        out.addBinary(Binary.fromString(r.getString(5)));
        out.endField("encoding", 5);
        out.startField("counts", 6);
        out.addBinary(Binary.fromConstantByteArray((byte[]) r.get(6)));
        out.endField("counts", 6);
        out.startField("total", 7);
        out.addDouble(r.getDouble(7));
        out.endField("total", 7);
    }
}
