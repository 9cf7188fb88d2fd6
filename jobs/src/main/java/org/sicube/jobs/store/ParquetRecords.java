package org.sicube.jobs.store;

import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

/**
 * A parquet-mr writer of records of type T in a fixed schema, each record written by a function
 * that sends its fields to the {@link RecordConsumer} (one message per record: parquet-mr counts
 * the rows of a file by its writes). What the store's own writers share.
 */
public final class ParquetRecords<T> extends ParquetWriter.Builder<T, ParquetRecords<T>> {
    private final MessageType schema;
    private final BiConsumer<RecordConsumer, T> record;

    private ParquetRecords(Path file, MessageType schema, BiConsumer<RecordConsumer, T> record) {
        super(file);
        this.schema = schema;
        this.record = record;
    }

    private ParquetRecords(OutputFile file, MessageType schema, BiConsumer<RecordConsumer, T> record) {
        super(file);
        this.schema = schema;
        this.record = record;
    }

    /** A builder writing {@code file} through its Hadoop file system. */
    public static <T> ParquetRecords<T> to(Path file, MessageType schema, BiConsumer<RecordConsumer, T> record) {
        return new ParquetRecords<>(file, schema, record);
    }

    /** A builder writing {@code file}. */
    public static <T> ParquetRecords<T> to(OutputFile file, MessageType schema, BiConsumer<RecordConsumer, T> record) {
        return new ParquetRecords<>(file, schema, record);
    }

    @Override
    protected ParquetRecords<T> self() {
        return this;
    }

    @Override
    protected WriteSupport<T> getWriteSupport(Configuration conf) {
        return new WriteSupport<>() {
            private RecordConsumer out;

            @Override
            public WriteContext init(Configuration c) {
                return new WriteContext(schema, Map.of());
            }

            @Override
            public void prepareForWrite(RecordConsumer consumer) {
                out = consumer;
            }

            @Override
            public void write(T r) {
                out.startMessage();
                record.accept(out, r);
                out.endMessage();
            }
        };
    }
}
