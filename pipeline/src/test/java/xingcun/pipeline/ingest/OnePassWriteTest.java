package xingcun.pipeline.ingest;

import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xingcun.pipeline.contract.Family;
import xingcun.pipeline.lake.Lake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A first load written in one pass stages what the cached passes stage — the lake's rows, the quarantine, the
 * counts — also when a file's rows leave the heap; a key two files hold sends the family to the cached passes.
 */
class OnePassWriteTest
{
    private static final String LOG_HEADER = "日志编号,人才编号,服务社区代码,服务日期,服务类型,服务天数\n";
    /** More rows than a task holds on the heap (4,096), so that they move to Spark's pages and, past 256 KB, spill. */
    private static final int ROWS = 6000;
    private static SparkSession spark;
    private static final AtomicLong spilledBytes = new AtomicLong();

    @TempDir
    static Path folder;

    @BeforeAll
    static void start()
    {
        // pages of 64 KB (not Spark's MBs), so that the held rows of a file of a few thousand rows fill several and spill
        spark = IngestSessions.create("local[2]", java.util.Map.of("spark.buffer.pageSize", "64k"));
        spark.sparkContext().addSparkListener(new SparkListener()
        {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd taskEnd)
            {
                if (taskEnd.taskMetrics() != null) {
                    spilledBytes.addAndGet(taskEnd.taskMetrics().diskBytesSpilled());
                }
            }
        });
    }

    @AfterAll
    static void stop()
    {
        spark.stop();
    }

    @Test
    void stagesWhatTheCachedPassesStageAlsoWhenAFileSpills()
            throws IOException, java.util.concurrent.TimeoutException
    {
        Path inbox = folder.resolve("inbox-one-file");
        TestInboxes.write(inbox, "talents/人才.csv", UTF_8, TestInboxes.TALENTS_CSV);
        StringBuilder logs = new StringBuilder(LOG_HEADER);
        for (int row = 1; row <= ROWS; row++) {
            logs.append("SL-%05d,XS2021001,530112008003,2021-07-13,技术指导,1\n".formatted(row));
            if (row == 10) {
                logs.append("SL-00010,XS2021001,530112008003,2021-07-13,技术指导,1\n"); // typed twice
            }
            if (row == 4500) {
                logs.append("SL-00020,XS2021001,530112008003,2021-07-20,技术指导,1\n"); // corrected later in the ledger
                logs.append("SL-X1,XS2021001,530112008003,2021-13-05,技术指导,1\n");
            }
        }
        TestInboxes.write(inbox, "service_logs/2021年服务台账.csv", UTF_8, logs.toString());

        spark.conf().set(FamilyIngest.MAX_HELD_BYTES, "262144");
        long spilledBefore = spilledBytes.get();
        List<String> onePassProgress = new ArrayList<>();
        RunReport onePass = ingest(inbox, "lake-one-pass", onePassProgress);
        spark.sparkContext().listenerBus().waitUntilEmpty();
        long spilled = spilledBytes.get() - spilledBefore;
        spark.conf().set(FamilyIngest.ONE_PASS, "false");
        List<String> cachedProgress = new ArrayList<>();
        RunReport cached = ingest(inbox, "lake-cached", cachedProgress);
        spark.conf().unset(FamilyIngest.ONE_PASS);
        spark.conf().unset(FamilyIngest.MAX_HELD_BYTES);

        assertThat(onePassProgress).anyMatch(line -> line.startsWith("service_logs: 6003 rows in ") && line.endsWith(", one pass"));
        assertThat(cachedProgress).anyMatch(line -> line.startsWith("service_logs: 6003 rows in ") && line.endsWith(", cached passes"));
        assertThat(spilled).as("bytes the one pass spilled").isPositive();
        assertThat(familyCounts(onePass, "service_logs")).isEqualTo(new Counts(6003, 6000, 1, 1, 1)).isEqualTo(familyCounts(cached, "service_logs"));
        assertThat(onePass.rejectionReasons()).isEqualTo(cached.rejectionReasons());
        assertThat(lakeRows(folder.resolve("lake-one-pass"))).hasSize(ROWS).isEqualTo(lakeRows(folder.resolve("lake-cached")));
        assertThat(lakeRows(folder.resolve("lake-one-pass"))).filteredOn(row -> row.startsWith("SL-00020,")).singleElement().asString().contains(",2021-07-20,");
        assertThat(quarantineRows(folder.resolve("lake-one-pass")))
                .containsExactly("service_logs,service_logs/2021年服务台账.csv,4504,date.invalid")
                .isEqualTo(quarantineRows(folder.resolve("lake-cached")));
    }

    @Test
    void aKeyTwoFilesHoldIsJudgedInTheCachedPasses()
            throws IOException
    {
        Path inbox = folder.resolve("inbox-two-files");
        TestInboxes.write(inbox, "talents/人才.csv", UTF_8, TestInboxes.TALENTS_CSV);
        TestInboxes.write(inbox, "service_logs/01.csv", UTF_8, LOG_HEADER
                + "SL-A1,XS2021001,530112008003,2021-07-13,技术指导,1\nSL-A2,XS2021001,530112008003,2021-07-14,技术指导,1\n");
        TestInboxes.write(inbox, "service_logs/02.csv", UTF_8, LOG_HEADER
                + "SL-A2,XS2021001,530112008003,2021-07-20,技术指导,1\nSL-A3,XS2021001,530112008003,2021-07-15,技术指导,1\n");
        List<String> progress = new ArrayList<>();
        RunReport report = ingest(inbox, "lake-two-files", progress);

        assertThat(progress).anyMatch(line -> line.startsWith("service_logs: 4 rows in ") && line.endsWith(", cached passes"));
        assertThat(progress).anyMatch(line -> line.startsWith("talents: 2 rows in ") && line.endsWith(", one pass"));
        assertThat(familyCounts(report, "service_logs")).isEqualTo(new Counts(4, 3, 1, 0, 0));
        // the one pass's output was removed: each key once, SL-A2 as the later file has it
        assertThat(lakeRows(folder.resolve("lake-two-files"))).hasSize(3).filteredOn(row -> row.startsWith("SL-A2,")).singleElement().asString().contains(",2021-07-20,");
    }

    @Test
    void moreRejectedRowsThanARunListsAreStagedByTheCachedPasses()
            throws IOException
    {
        Path inbox = folder.resolve("inbox-many-rejected");
        TestInboxes.write(inbox, "talents/人才.csv", UTF_8, TestInboxes.TALENTS_CSV);
        TestInboxes.write(inbox, "service_logs/01.csv", UTF_8, LOG_HEADER + "SL-R1,XS2021001,530112008003,2021-07-13,技术指导,1\n"
                + "SL-R2,XS2021001,530112008003,2021-13-13,技术指导,1\nSL-R3,XS2021001,530112008003,2021-13-14,技术指导,1\n");
        spark.conf().set(FamilyIngest.MAX_BROADCAST_OUTCOMES, "1");
        List<String> progress = new ArrayList<>();
        RunReport report;
        try {
            report = ingest(inbox, "lake-many-rejected", progress);
        }
        finally {
            spark.conf().unset(FamilyIngest.MAX_BROADCAST_OUTCOMES);
        }

        assertThat(progress).anyMatch(line -> line.startsWith("service_logs: 3 rows in ") && line.endsWith(", cached passes"));
        assertThat(familyCounts(report, "service_logs")).isEqualTo(new Counts(3, 1, 0, 0, 2));
        // what the one pass staged was removed: the row once, the rejected rows once
        assertThat(lakeRows(folder.resolve("lake-many-rejected"))).hasSize(1);
        assertThat(quarantineRows(folder.resolve("lake-many-rejected")))
                .containsExactly("service_logs,service_logs/01.csv,3,date.invalid", "service_logs,service_logs/01.csv,4,date.invalid");
    }

    private static RunReport ingest(Path inbox, String lakeName, List<String> progress)
            throws IOException
    {
        Path lake = folder.resolve(lakeName);
        Path firstLake = folder.resolve("lake-one-pass");
        if (!lakeName.equals("lake-one-pass") && Files.exists(firstLake.resolve("_keys"))) {
            // the same personal-data key, so that keyed hashes compare between the lakes
            Files.createDirectories(lake.resolve("_keys"));
            Files.copy(firstLake.resolve("_keys/personal-data.key"), lake.resolve("_keys/personal-data.key"));
        }
        return IngestJob.run(spark, new IngestOptions(inbox, lake.toString(), LocalDate.of(2026, 11, 28), progress::add));
    }

    private static Counts familyCounts(RunReport report, String family)
    {
        return report.families().stream().filter(result -> result.family().equals(family)).findFirst().orElseThrow().counts();
    }

    /** The service-log table's rows but their run, as text, in key order. */
    private static List<String> lakeRows(Path lakeFolder)
    {
        Lake lake = Lake.open(lakeFolder.toString(), spark.sparkContext().hadoopConfiguration());
        return LakeTables.read(spark, lake, Family.SERVICE_LOGS).drop(LakeTables.RUN_ID).orderBy(col("log_id")).collectAsList().stream()
                .map(OnePassWriteTest::text).toList();
    }

    private static List<String> quarantineRows(Path lakeFolder)
    {
        Lake lake = Lake.open(lakeFolder.toString(), spark.sparkContext().hadoopConfiguration());
        return LakeTables.readQuarantine(spark, lake, Family.SERVICE_LOGS).select("family", "source_file", "source_row", "rule_id")
                .orderBy("source_file", "source_row").collectAsList().stream().map(OnePassWriteTest::text).toList();
    }

    private static String text(Row row)
    {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < row.length(); i++) {
            values.add(String.valueOf(row.get(i)));
        }
        return String.join(",", values);
    }
}
