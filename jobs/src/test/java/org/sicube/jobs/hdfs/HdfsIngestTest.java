package org.sicube.jobs.hdfs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sicube.datasets.model.PixelBlock;
import org.sicube.jobs.store.BlockStore;
import org.sicube.jobs.testing.JobRun;
import org.sicube.jobs.testing.SharedData;
import org.sicube.jobs.testing.TestSpark;

/** Real HDFS (an in-process MiniDFSCluster): inputs read from hdfs://, stores written to hdfs://. */
class HdfsIngestTest {
    private static MiniDFSCluster cluster;
    private static String root;

    @BeforeAll
    static void startHdfs(@TempDir Path dir) throws Exception {
        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, dir.resolve("hdfs").toString());
        cluster = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        cluster.waitActive();
        root = "hdfs://127.0.0.1:" + cluster.getNameNodePort();
        FileSystem fs = cluster.getFileSystem();
        for (String f : List.of("derived/velox_superx_20f.rpl", "derived/velox_superx_20f.raw",
                "derived/stem_eds_64x64.hspy")) {
            fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(SharedData.file(f).toUri()),
                    new org.apache.hadoop.fs.Path("/in/" + Path.of(f).getFileName()));
        }
    }

    @AfterAll
    static void stopHdfs() {
        if (cluster != null) {
            cluster.shutdown(true);
        }
    }

    private static List<PixelBlock> sorted(List<PixelBlock> blocks) {
        return blocks.stream().sorted(Comparator.comparingInt(PixelBlock::y0).thenComparingInt(PixelBlock::x0)).toList();
    }

    @Test
    void ingestFromHdfsToHdfsGivesTheSameBlocksAsLocal(@TempDir Path dir) throws Exception {
        for (String name : List.of("velox_superx_20f.rpl", "stem_eds_64x64.hspy")) {
            String hdfsStore = root + "/stores/" + name;
            JobRun remote = JobRun.of("ingest", "--input", root + "/in/" + name, "--output", hdfsStore, "--block", "16x16");
            assertEquals(0, remote.exitCode(), remote.err());
            String localStore = dir.resolve(name).toString();
            Path local = SharedData.file("derived/" + name);
            JobRun here = JobRun.of("ingest", "--input", local.toString(), "--output", localStore, "--block", "16x16");
            assertEquals(0, here.exitCode(), here.err());

            var conf = TestSpark.get().sparkContext().hadoopConfiguration();
            var h = BlockStore.readHeader(hdfsStore, conf).header();
            assertEquals(BlockStore.readHeader(localStore, conf).header().totalCounts(), h.totalCounts());
            assertTrue(h.sourceFile().startsWith("hdfs://"), h.sourceFile());
            List<PixelBlock> a = sorted(BlockStore.readBlocks(TestSpark.get(), hdfsStore).collect());
            List<PixelBlock> b = sorted(BlockStore.readBlocks(TestSpark.get(), localStore).collect());
            assertEquals(b.size(), a.size());
            for (int i = 0; i < a.size(); i++) {
                assertEquals(b.get(i).y0(), a.get(i).y0());
                assertEquals(b.get(i).x0(), a.get(i).x0());
                assertArrayEquals(b.get(i).counts(), a.get(i).counts());
            }
            assertEquals(0, JobRun.of("info", "--store", hdfsStore).exitCode());
        }
    }

    @Test
    void missingHdfsInputIsAUserError() {
        JobRun run = JobRun.of("ingest", "--input", root + "/in/none.rpl", "--output", root + "/stores/none");
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("none.rpl"), run.err());
    }
}
