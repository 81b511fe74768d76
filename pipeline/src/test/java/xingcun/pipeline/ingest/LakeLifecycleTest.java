package xingcun.pipeline.ingest;

import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerBlockUpdated;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xingcun.pipeline.PipelineErrorCode;
import xingcun.pipeline.PipelineException;
import xingcun.pipeline.contract.Family;
import xingcun.pipeline.lake.Lake;
import xingcun.pipeline.lake.Snapshot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static xingcun.pipeline.ingest.TestInboxes.write;

/** Re-ingest, updates, and failed runs: the lake changes only by whole committed runs. */
class LakeLifecycleTest
{
    private static final String LOG_HEADER = "日志编号,人才编号,服务社区代码,服务日期,服务类型,服务天数\n";
    // a space and Chinese in the lake's path, as on a clerk's machine: Spark hands such paths back percent-encoded
    private static final String LAKE = "数据 湖/lake";
    private static SparkSession spark;

    @TempDir
    Path folder;

    @BeforeAll
    static void start()
    {
        spark = SparkTestSession.start();
    }

    @AfterAll
    static void stop()
    {
        spark.stop();
    }

    @Test
    void secondIngestOfTheSameInboxAddsNothing()
            throws IOException
    {
        Path inbox = firstBatch(folder.resolve("inbox"));
        RunReport first = ingest(inbox);
        assertThat(family(first, "service_logs")).isEqualTo(new Counts(3, 3, 0, 0, 0));
        List<String> filesAfterFirst = lake().currentSnapshot().files("service_logs");

        RunReport second = ingest(inbox);
        assertThat(second.snapshotId()).isEqualTo(first.snapshotId() + 1);
        assertThat(family(second, "talents")).isEqualTo(new Counts(2, 0, 0, 2, 0));
        assertThat(family(second, "service_logs")).isEqualTo(new Counts(3, 0, 0, 3, 0));
        assertThat(lake().currentSnapshot().files("service_logs")).isEqualTo(filesAfterFirst);
        assertThat(LakeTables.read(spark, lake(), Family.SERVICE_LOGS).count()).isEqualTo(3);
    }

    @Test
    void laterBatchUpdatesAKeyAndLeavesOtherPartitionsUntouched()
            throws IOException
    {
        ingest(firstBatch(folder.resolve("inbox")));
        Path file2022 = lakeFile("service_logs/year=2022/");
        FileTime before = Files.getLastModifiedTime(file2022);

        Path batch = folder.resolve("batch2");
        write(batch, "service_logs/2021-late.csv", StandardCharsets.UTF_8, LOG_HEADER
                + "SL-1,XS2021001,530112008003,2021-07-13,技术指导,0.5\n"
                + "SL-4,XS2021002,530112008007,2021-08-02,深度走访,1\n");
        RunReport report = ingest(batch);

        assertThat(family(report, "service_logs")).isEqualTo(new Counts(2, 1, 1, 0, 0));
        Map<String, Double> days = LakeTables.read(spark, lake(), Family.SERVICE_LOGS).collectAsList().stream()
                .collect(Collectors.toMap(row -> row.getAs("log_id"), row -> row.getAs("days")));
        assertThat(days).containsExactlyInAnyOrderEntriesOf(Map.of("SL-1", 0.5, "SL-2", 1.0, "SL-3", 1.0, "SL-4", 1.0));
        assertThat(lake().currentSnapshot().files("service_logs")).contains(lake().relative(new org.apache.hadoop.fs.Path(file2022.toUri())));
        assertThat(Files.getLastModifiedTime(file2022)).isEqualTo(before);
        Row updated = LakeTables.read(spark, lake(), Family.SERVICE_LOGS).filter(col("log_id").equalTo("SL-1")).first();
        assertThat((String) updated.getAs("run_id")).isEqualTo(report.runId());
        assertThat((String) updated.getAs("source_file")).isEqualTo("service_logs/2021-late.csv");
    }

    @Test
    void theLakeStoresNoKeyAndALakeThatStoresOneIsKeyedByItsKeyColumnsAndRewrittenWithout()
            throws IOException
    {
        ingest(firstBatch(folder.resolve("inbox")));
        Path file2021 = lakeFile("service_logs/year=2021/");
        assertThat(columnsOf(file2021)).contains("log_id", "record_hash", "source_file").doesNotContain("record_key");
        // as a lake written before 2026-11-30 held it, but stale: the run must key the rows by their key columns
        Path older = folder.resolve("older");
        spark.read().parquet(file2021.toString()).withColumn("record_key", org.apache.spark.sql.functions.lit("stale"))
                .coalesce(1).write().parquet(older.toString());
        try (Stream<Path> written = Files.list(older)) {
            Files.copy(written.filter(path -> path.toString().endsWith(".parquet")).findFirst().orElseThrow(), file2021,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        assertThat(columnsOf(file2021)).contains("record_key");
        assertThat(LakeTables.read(spark, lake(), Family.SERVICE_LOGS).filter(col("log_id").equalTo("SL-1")).first().<String>getAs("record_key"))
                .isEqualTo("SL-1\u001f");

        Path batch = folder.resolve("batch2");
        write(batch, "service_logs/2021-late.csv", StandardCharsets.UTF_8, LOG_HEADER + "SL-1,XS2021001,530112008003,2021-07-13,技术指导,0.5\n");
        RunReport report = ingest(batch);

        assertThat(family(report, "service_logs")).as("SL-1 updated, not added beside its older row").isEqualTo(new Counts(1, 0, 1, 0, 0));
        assertThat(LakeTables.read(spark, lake(), Family.SERVICE_LOGS).filter(col("log_id").equalTo("SL-1")).count()).isEqualTo(1);
        for (String file : lake().currentSnapshot().files("service_logs")) {
            assertThat(columnsOf(folder.resolve(LAKE).resolve(file))).as(file).doesNotContain("record_key");
        }
    }

    @Test
    void aRunOfManyKnownKeysClassifiesTheRowsThemselvesWithTheSameOutcome()
            throws IOException
    {
        // past the limit, the uncommon outcomes are not broadcast: every row goes through the classification shuffle
        spark.conf().set(FamilyIngest.MAX_BROADCAST_OUTCOMES, "0");
        try {
            laterBatchUpdatesAKeyAndLeavesOtherPartitionsUntouched();
        }
        finally {
            spark.conf().unset(FamilyIngest.MAX_BROADCAST_OUTCOMES);
        }
    }

    @Test
    void aFamilyTooBigToCacheInMemoryIsKeptOnDiskWithTheSameOutcome()
            throws IOException, TimeoutException
    {
        // every family over the limit: the validated rows, and the classified rows of the fallback, wait on local disk
        spark.conf().set(FamilyIngest.MAX_MEMORY_CACHE_BYTES, "0");
        spark.conf().set(FamilyIngest.MAX_BROADCAST_OUTCOMES, "0");
        List<StorageLevel> cachedBlocks = new CopyOnWriteArrayList<>();
        SparkListener blocks = new SparkListener()
        {
            @Override
            public void onBlockUpdated(SparkListenerBlockUpdated update)
            {
                if (update.blockUpdatedInfo().blockId().isRDD() && update.blockUpdatedInfo().storageLevel().isValid()) {
                    cachedBlocks.add(update.blockUpdatedInfo().storageLevel());
                }
            }
        };
        spark.sparkContext().addSparkListener(blocks);
        try {
            laterBatchUpdatesAKeyAndLeavesOtherPartitionsUntouched();
            spark.sparkContext().listenerBus().waitUntilEmpty();
        }
        finally {
            spark.sparkContext().removeSparkListener(blocks);
            spark.conf().unset(FamilyIngest.MAX_MEMORY_CACHE_BYTES);
            spark.conf().unset(FamilyIngest.MAX_BROADCAST_OUTCOMES);
        }
        assertThat(cachedBlocks).as("rows cached by the runs").isNotEmpty().allMatch(level -> level.useDisk() && !level.useMemory());
    }

    @Test
    void aFamilyUpToTheLimitIsCachedInMemoryAndOverItOnDisk()
    {
        assertThat(FamilyIngest.cacheLevel(32L << 20, 256L << 20)).isEqualTo(StorageLevel.MEMORY_AND_DISK());
        assertThat(FamilyIngest.cacheLevel(256L << 20, 256L << 20)).isEqualTo(StorageLevel.MEMORY_AND_DISK());
        assertThat(FamilyIngest.cacheLevel((256L << 20) + 1, 256L << 20)).isEqualTo(StorageLevel.DISK_ONLY());
    }

    @Test
    void failedCommitLeavesTheLakeAsItWasAndTheNextRunCleansUp()
            throws IOException
    {
        Path inbox = firstBatch(folder.resolve("inbox"));
        ingest(inbox);
        Snapshot before = lake().currentSnapshot();
        List<Row> rowsBefore = LakeTables.read(spark, lake(), Family.SERVICE_LOGS).orderBy("log_id").collectAsList();

        // a file where the run-report folder should be makes the commit fail after the staged files moved in
        Path runs = folder.resolve(LAKE + "/_runs");
        Files.move(runs, folder.resolve("runs-aside"));
        Files.writeString(runs, "in the way");
        Path batch = folder.resolve("batch2");
        write(batch, "service_logs/more.csv", StandardCharsets.UTF_8, LOG_HEADER + "SL-9,XS2021001,530112008003,2021-09-01,技术指导,1\n");
        assertThatThrownBy(() -> ingest(batch))
                .isInstanceOf(PipelineException.class)
                .hasMessageStartingWith("Cannot commit run ")
                .extracting(error -> ((PipelineException) error).errorCode()).isEqualTo(PipelineErrorCode.RUN_FAILED);

        assertThat(lake().currentSnapshot()).isEqualTo(before);
        assertThat(LakeTables.read(spark, lake(), Family.SERVICE_LOGS).orderBy("log_id").collectAsList()).isEqualTo(rowsBefore);
        assertThat(TestInboxes.regularFilesUnder(folder.resolve(LAKE + "/_staging"))).as("staged files left behind").isEmpty();

        Files.delete(runs);
        Files.move(folder.resolve("runs-aside"), runs);
        RunReport retry = ingest(batch);
        assertThat(family(retry, "service_logs")).isEqualTo(new Counts(1, 1, 0, 0, 0));
        try (Stream<Path> files = Files.walk(folder.resolve(LAKE + "/service_logs"))) {
            List<String> onDisk = files.filter(path -> path.toString().endsWith(".parquet"))
                    .map(path -> lake().relative(new org.apache.hadoop.fs.Path(path.toUri()))).sorted().toList();
            assertThat(onDisk).isEqualTo(lake().currentSnapshot().files("service_logs").stream().sorted().toList());
        }
    }

    @Test
    void oneIngestAtATimeAndAKilledRunsLockIsTakenOver()
            throws IOException
    {
        Path inbox = firstBatch(folder.resolve("inbox"));
        ingest(inbox);
        Path lock = folder.resolve(LAKE + "/_lock");
        Files.writeString(lock, "4242@another-host 20261128T000000Z-abcdef 2026-11-28T00:00:00Z");
        assertThatThrownBy(() -> ingest(inbox))
                .isInstanceOf(PipelineException.class)
                .hasMessage("Cannot ingest into lake " + folder.resolve(LAKE) + ": another ingest holds its lock (4242@another-host 20261128T000000Z-abcdef "
                        + "2026-11-28T00:00:00Z); wait for it to finish, or delete " + folder.resolve(LAKE) + "/_lock if no ingest is running");
        assertThat(lock).exists();

        // a process of this machine that no longer runs: its lock is stale
        Process finished = new ProcessBuilder("true").start();
        long deadPid = finished.pid();
        assertThat(finished.onExit().join().exitValue()).isZero();
        Files.writeString(lock, deadPid + "@" + java.net.InetAddress.getLocalHost().getHostName() + " 20261128T000000Z-abcdef 2026-11-28T00:00:00Z");
        assertThat(ingest(inbox).total()).isEqualTo(new Counts(5, 0, 0, 5, 0));
        assertThat(lock).doesNotExist();
    }

    @Test
    void aLaterRunsCommunitiesReplaceTheLakesRowsOfTheirCodesAndKeepTheRest()
            throws IOException
    {
        String header = "社区代码,社区名称,所属街道代码,是否纳入项目\n";
        Path inbox = firstBatch(folder.resolve("inbox"));
        write(inbox, "communities/program.csv", StandardCharsets.UTF_8, header
                + "530112010099,新村社区,530112010000,是\n530112010098,旧村社区,530112010000,是\n");
        assertThat(family(ingest(inbox), "communities")).isEqualTo(new Counts(2, 2, 0, 0, 0));
        Path batch = folder.resolve("batch");
        // the batch takes 旧村 out of the program and says nothing of 新村, which the lake's row keeps in it
        write(batch, "communities/program.csv", StandardCharsets.UTF_8, header + "530112010098,旧村社区,530112010000,否\n");
        write(batch, "service_logs/later.csv", StandardCharsets.UTF_8, LOG_HEADER
                + "SL-N1,XS2021001,530112010099,2022-03-05,技术指导,1\n"
                + "SL-N2,XS2021001,530112010098,2022-03-05,技术指导,1\n");

        RunReport report = ingest(batch);

        assertThat(family(report, "communities")).isEqualTo(new Counts(1, 0, 1, 0, 0));
        assertThat(family(report, "service_logs")).isEqualTo(new Counts(2, 1, 0, 0, 1));
        assertThat(report.rejectionReasons()).singleElement().satisfies(reason -> {
            assertThat(reason.ruleId()).isEqualTo("community.unknown");
            assertThat(reason.exampleEn()).isEqualTo("Community \"530112010098\" is not in the program's set (give its 12-digit statistics code or its name)");
        });
    }

    @Test
    void anEmptyPersonalDataKeyStopsTheRunWithTheFix()
            throws IOException
    {
        Path inbox = firstBatch(folder.resolve("inbox"));
        ingest(inbox);
        Files.write(folder.resolve(LAKE).resolve("_keys/personal-data.key"), new byte[0]);

        assertThatThrownBy(() -> ingest(inbox)).isInstanceOf(PipelineException.class)
                .hasMessageStartingWith("The personal-data key ")
                .hasMessageEndingWith("personal-data.key is empty: restore it from a backup of the lake (a new key would hash the same phone differently from the lake's rows)");
    }

    private Path firstBatch(Path inbox)
            throws IOException
    {
        write(inbox, "talents/talents.csv", StandardCharsets.UTF_8, TestInboxes.TALENTS_CSV);
        write(inbox, "service_logs/2021.csv", StandardCharsets.UTF_8, LOG_HEADER
                + "SL-1,XS2021001,530112008003,2021-07-13,技术指导,1\n"
                + "SL-2,XS2021002,530112008007,2021-07-20,联席会议,1\n");
        write(inbox, "service_logs/2022.csv", StandardCharsets.UTF_8, LOG_HEADER
                + "SL-3,XS2021001,530112008003,2022-03-02,技术指导,1\n");
        return inbox;
    }

    private RunReport ingest(Path inbox)
    {
        return IngestJob.run(spark, new IngestOptions(inbox, folder.resolve(LAKE).toString(), LocalDate.of(2026, 11, 28), line -> {}));
    }

    private Lake lake()
    {
        return Lake.open(folder.resolve(LAKE).toString(), spark.sparkContext().hadoopConfiguration());
    }

    private Path lakeFile(String prefix)
    {
        return lake().currentSnapshot().files("service_logs").stream().filter(file -> file.startsWith(prefix))
                .map(file -> folder.resolve(LAKE).resolve(file)).findFirst().orElseThrow();
    }

    private static List<String> columnsOf(Path parquetFile)
            throws IOException
    {
        try (org.apache.parquet.hadoop.ParquetFileReader reader = org.apache.parquet.hadoop.ParquetFileReader.open(
                org.apache.parquet.hadoop.util.HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(parquetFile.toUri()), spark.sparkContext().hadoopConfiguration()))) {
            return reader.getFooter().getFileMetaData().getSchema().getFields().stream().map(org.apache.parquet.schema.Type::getName).toList();
        }
    }

    private static Counts family(RunReport report, String family)
    {
        return report.families().stream().filter(result -> result.family().equals(family)).findFirst().orElseThrow().counts();
    }
}
