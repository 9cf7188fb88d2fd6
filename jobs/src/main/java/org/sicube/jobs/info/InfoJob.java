package org.sicube.jobs.info;

import org.apache.hadoop.conf.Configuration;
import org.sicube.jobs.core.JobCommand;
import org.sicube.jobs.store.BlockStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code info}: prints a store's header (no Spark needed). */
@Command(name = "info", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Print a block store's header (shape, energy axis, totals, source) as JSON.")
public final class InfoJob extends JobCommand {

    @Option(names = "--store", required = true, paramLabel = "STORE", description = "Store directory (local or hdfs://).")
    String store;

    @Override
    protected void execute() throws Exception {
        var parsed = BlockStore.readHeader(store, new Configuration());
        System.out.println(org.sicube.datasets.store.HeaderJson.write(parsed.header(), parsed.blockHeight(),
                parsed.blockWidth()));
    }
}
