package xingcun.pipeline.sample;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xingcun.pipeline.ingest.Counts;
import xingcun.pipeline.ingest.IngestJob;
import xingcun.pipeline.ingest.IngestOptions;
import xingcun.pipeline.ingest.IngestSessions;
import xingcun.pipeline.ingest.RunReport;
import xingcun.pipeline.sample.InboxManifest.FamilyCounts;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small county inbox (20 experts: every family, every format, a few dozen bad rows) ingested by the real IngestJob:
 * what the ingest accepts, counts as duplicate and rejects, by family and by rule, is what the generator's manifest
 * says it wrote — so a benchmark can trust the manifest of a province inbox too.
 */
class ScaleInboxIngestTest
{
    private static SparkSession spark;
    private static InboxManifest manifest;
    private static RunReport report;

    @TempDir
    static Path folder;

    @BeforeAll
    static void generateAndIngest()
    {
        Path inbox = folder.resolve("inbox");
        manifest = ScaleInboxGenerator.write(inbox, new ScaleOptions(ScaleProfile.COUNTY, 7, OptionalInt.of(20), 1));
        spark = IngestSessions.create("local[2]");
        report = IngestJob.run(spark, new IngestOptions(inbox, folder.resolve("lake").toString(), LocalDate.of(2026, 11, 28), line -> {}));
    }

    @AfterAll
    static void stop()
    {
        spark.stop();
    }

    @Test
    void countsOfEveryFamilyAreTheManifests()
    {
        Map<String, Counts> expected = new TreeMap<>();
        manifest.families().forEach((family, counts) -> expected.put(family,
                new Counts(counts.rows(), counts.accepted(), 0, counts.duplicates(), counts.rejected())));
        Map<String, Counts> actual = report.families().stream()
                .collect(Collectors.toMap(RunReport.FamilyResult::family, RunReport.FamilyResult::counts, (left, right) -> left, TreeMap::new));
        assertThat(actual).isEqualTo(expected);
        assertThat(expected).hasSize(10);
        assertThat(manifest.badRows()).as("bad rows in the small inbox").isBetween(10L, 100L);
    }

    @Test
    void rejectionsByRuleAreTheManifests()
    {
        Map<String, Long> expected = new TreeMap<>();
        manifest.families().forEach((family, counts) -> counts.rejectedByRule().forEach((rule, rows) -> expected.put(family + "/" + rule, rows)));
        Map<String, Long> actual = report.rejectionReasons().stream()
                .collect(Collectors.toMap(reason -> reason.family() + "/" + reason.ruleId(), RunReport.RejectionReason::rows, Long::sum, TreeMap::new));
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void everyFileIsReadWithTheRowsTheManifestGivesIt()
    {
        Map<String, Long> expected = new TreeMap<>();
        manifest.families().values().stream().map(FamilyCounts::rowsByFile).forEach(expected::putAll);
        Map<String, Long> actual = report.files().stream()
                .collect(Collectors.toMap(RunReport.FileResult::file, file -> file.counts().read(), Long::sum, TreeMap::new));
        assertThat(actual).isEqualTo(expected);
        assertThat(report.skippedFiles()).containsExactly("manifest.json: the generator's manifest (what xingcun generate wrote), not a batch");
    }

    /**
     * A daily batch appends: every Parquet file the lake held before is still there, byte for byte and with its
     * time, and the new files are only the batch's own (its family's year partition and its quarantine).
     */
    @Test
    void aDailyBatchWritesOnlyItsOwnFilesAndRewritesNoHistory()
            throws java.io.IOException
    {
        Path lake = folder.resolve("lake");
        Map<String, String> before = parquetFiles(lake);
        LocalDate day = LocalDate.of(2025, 12, 30);
        DailyBatch.write(folder.resolve("inbox"), folder.resolve("daily"), day, 300);

        RunReport batch = IngestJob.run(spark, new IngestOptions(folder.resolve("daily"), lake.toString(), LocalDate.of(2026, 11, 28), line -> {}));

        Counts counts = batch.families().stream().filter(family -> family.family().equals("service_logs")).findFirst().orElseThrow().counts();
        assertThat(counts.read()).isEqualTo(300);
        assertThat(counts.accepted()).as("new log ids: every valid row is new").isEqualTo(counts.read() - counts.rejected()).isGreaterThan(250);
        assertThat(batch.families()).extracting(RunReport.FamilyResult::family).containsExactly("service_logs");
        Map<String, String> after = parquetFiles(lake);
        assertThat(after).as("files of the lake before the batch, unchanged").containsAllEntriesOf(before);
        List<String> added = after.keySet().stream().filter(file -> !before.containsKey(file)).sorted().toList();
        assertThat(added).isNotEmpty().allSatisfy(file -> assertThat(file).matches("(service_logs/year=2025|_quarantine/service_logs)/" + batch.runId() + "-part-.*\\.parquet"));
    }

    /** Every Parquet file under the lake, with its size and modification time. */
    private static Map<String, String> parquetFiles(Path lake)
            throws java.io.IOException
    {
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(lake)) {
            Map<String, String> states = new TreeMap<>();
            for (Path file : files.filter(path -> path.toString().endsWith(".parquet")).toList()) {
                states.put(lake.relativize(file).toString(), java.nio.file.Files.size(file) + " bytes, " + java.nio.file.Files.getLastModifiedTime(file));
            }
            return states;
        }
    }
}
