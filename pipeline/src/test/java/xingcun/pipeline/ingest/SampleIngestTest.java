package xingcun.pipeline.ingest;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xingcun.pipeline.contract.Family;
import xingcun.pipeline.lake.Lake;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;

/** The shipped sample, ingested end to end: every family's counts, the published figures, and no personal data in clear. */
class SampleIngestTest
{
    private static final LocalDate FROM = LocalDate.of(2021, 4, 1);
    private static final LocalDate TO = LocalDate.of(2022, 6, 30);
    private static SparkSession spark;
    private static RunReport report;
    private static Lake lake;

    @TempDir
    static Path folder;

    @BeforeAll
    static void ingestTheSample()
    {
        spark = SparkTestSession.start();
        report = IngestJob.run(spark, new IngestOptions(sampleInbox(), folder.resolve("lake").toString(), LocalDate.of(2026, 11, 28), line -> {}));
        lake = Lake.open(folder.resolve("lake").toString(), spark.sparkContext().hadoopConfiguration());
    }

    @AfterAll
    static void stop()
    {
        spark.stop();
    }

    @Test
    void countsEveryFamily()
    {
        Map<String, Counts> counts = report.families().stream().collect(Collectors.toMap(RunReport.FamilyResult::family, RunReport.FamilyResult::counts));
        assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of(
                "talents", new Counts(35, 35, 0, 0, 0),
                "service_logs", new Counts(1162, 1159, 0, 1, 2),
                "trainings", new Counts(147, 145, 0, 0, 2),
                "training_attendance", new Counts(205, 205, 0, 0, 0),
                "ip_outputs", new Counts(17, 15, 0, 0, 2),
                "industry_outputs", new Counts(30, 30, 0, 0, 0),
                "projects", new Counts(55, 54, 0, 0, 1),
                "evaluations", new Counts(35, 35, 0, 0, 0),
                "youth_talents", new Counts(214, 213, 0, 1, 0)));
        assertThat(report.skippedFiles()).containsExactly("README.md: the inbox's notes, not a batch");
        assertThat(report.rejectionReasons()).extracting(RunReport.RejectionReason::ruleId).containsExactlyInAnyOrder(
                "date.invalid", "talent.unknown", "community.unknown", "number.negative", "patent.check_digit", "patent.type_mismatch", "enumeration.unknown");
    }

    @Test
    void reproducesThePublishedFigures()
    {
        Dataset<Row> logs = inPeriod(table(Family.SERVICE_LOGS), "service_on");
        assertThat(logs.filter(col("activity_type").equalTo("field_guidance")).count()).isEqualTo(201);
        assertThat(logs.filter(col("bottleneck").isNotNull()).select(countDistinct("bottleneck")).first().getLong(0)).isEqualTo(8);
        Dataset<Row> trainings = inPeriod(table(Family.TRAININGS), "held_on");
        assertThat(trainings.count()).isEqualTo(145);
        assertThat(trainings.filter(col("audience").equalTo("large_grower")).select(sum("attendees")).first().getLong(0)).isEqualTo(2695);
        Map<String, Long> outputs = table(Family.IP_OUTPUTS).groupBy("output_type").count().collectAsList().stream()
                .collect(Collectors.toMap(row -> row.getString(0), row -> row.getLong(1)));
        assertThat(outputs).containsAllEntriesOf(Map.of("utility_model", 4L, "design_patent", 1L, "software_copyright", 1L, "enterprise_standard", 3L, "new_variety", 6L));
        Dataset<Row> projects = table(Family.PROJECTS);
        Dataset<Row> introduced = projects.filter(col("kind").equalTo("introduced"));
        assertThat(introduced.count()).isEqualTo(24);
        assertThat(introduced.select(sum("funds_in_place_yuan")).first().getDouble(0)).isEqualTo(1_050_000.0);
        assertThat(introduced.select(sum("funds_intended_yuan")).first().getDouble(0)).isEqualTo(1_000_000_000.0);
        assertThat(projects.filter(col("kind").equalTo("innovation")).count()).isEqualTo(11);
        assertThat(projects.filter(col("kind").equalTo("recruitment").and(col("status").equalTo("negotiating"))).count()).isEqualTo(19);
        assertThat(table(Family.YOUTH_TALENTS).count()).isGreaterThanOrEqualTo(200);
        assertThat(table(Family.TALENTS).select(countDistinct("community_code")).first().getLong(0)).isEqualTo(35);
    }

    @Test
    void reproducesTheCommunityStories()
    {
        Map<String, Double> xihua = industry("530112008003");
        assertThat(xihua.get("output_value/草莓/2021")).isGreaterThanOrEqualTo(80_000_000.0);
        Map<String, Double> lvze = industry("530112010014");
        assertThat(lvze).containsEntry("households_benefiting/彩色水稻/2021", 42.0).containsEntry("farm_restaurants//2021", 6.0)
                .containsEntry("snack_shops//2021", 12.0).containsEntry("produce_stalls//2021", 15.0)
                .containsEntry("daily_vehicles/彩色水稻/2021Q3", 410.0);
        assertThat(lvze.get("funds_raised/彩色水稻/2021")).isGreaterThanOrEqualTo(6_000_000.0);
        assertThat(lvze.get("new_jobs//2021")).isGreaterThanOrEqualTo(120.0);
        assertThat(industry("530112008007").get("cooperative_income/苹果/2021")).isGreaterThanOrEqualTo(100_000.0);
    }

    @Test
    void storesNoPersonalDataInClear()
    {
        List<String> talentColumns = List.of(table(Family.TALENTS).columns());
        assertThat(talentColumns).contains("id_number_masked", "id_number_hash", "phone_masked", "phone_hash").doesNotContain("id_number", "phone");
        assertThat(table(Family.TALENTS).select("id_number_masked").collectAsList())
                .allSatisfy(row -> assertThat(row.getString(0)).matches("\\d{4}\\*{10}[\\dX]{4}"));
        assertThat(table(Family.TRAINING_ATTENDANCE).columns()).doesNotContain("attendee_name", "phone");
        assertThat(table(Family.YOUTH_TALENTS).columns()).doesNotContain("name");
    }

    @Test
    void everyRowCarriesItsSourceAndRun()
    {
        for (Family family : Family.values()) {
            Dataset<Row> rows = table(family);
            assertThat(rows.filter(col("source_file").isNull().or(col("source_row").isNull()).or(col("run_id").notEqual(report.runId()))).count())
                    .as(family.folder()).isZero();
        }
    }

    @Test
    void columnsWhoseValuesRepeatLittleAreWrittenWithoutADictionary()
            throws java.io.IOException
    {
        assertThat(FamilyIngest.mostlyDistinctColumns(Family.SERVICE_LOGS)).containsExactly("record_hash", "source_row", "log_id");
        assertThat(FamilyIngest.mostlyDistinctColumns(Family.TRAINING_ATTENDANCE))
                .containsExactly("record_hash", "source_row", "attendee_hash", "phone_masked", "phone_hash");
        // values that repeat, so that only the writer's settings can keep a column from its dictionary (Parquet drops
        // the dictionary of a column whose first page it does not shrink), in year folders as the dated tables are
        List<Row> rows = java.util.stream.IntStream.range(0, 1_000).mapToObj(i -> org.apache.spark.sql.RowFactory.create(
                "TR-" + i % 3, "hash-" + i % 2, "key-" + i % 2, "SL-" + i % 4, 2021)).toList();
        Dataset<Row> repeating = spark.createDataFrame(rows, new org.apache.spark.sql.types.StructType().add("training_id", "string")
                .add("attendee_hash", "string").add("record_hash", "string").add("log_id", "string").add("year", "int"));
        Path written = folder.resolve("dictionary-check");
        FamilyIngest.lakeWriter(Family.SERVICE_LOGS, repeating.coalesce(1)).partitionBy("year").parquet(written.toString());
        Path file;
        try (java.util.stream.Stream<Path> files = Files.walk(written)) {
            file = files.filter(path -> path.toString().endsWith(".parquet")).findFirst().orElseThrow();
        }
        assertThat(file.toString()).contains("/year=2021/");
        assertThat(dictionaryByColumn(file.toString())).containsEntry("log_id", false).containsEntry("record_hash", false)
                .containsEntry("training_id", true).containsEntry("attendee_hash", true); // a service log has no attendee_hash to keep plain
    }

    /** Whether each column of a Parquet file's first row group is dictionary-encoded. */
    private static Map<String, Boolean> dictionaryByColumn(String file)
            throws java.io.IOException
    {
        try (org.apache.parquet.hadoop.ParquetFileReader reader = org.apache.parquet.hadoop.ParquetFileReader.open(
                org.apache.parquet.hadoop.util.HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(file), spark.sparkContext().hadoopConfiguration()))) {
            return reader.getFooter().getBlocks().get(0).getColumns().stream().collect(Collectors.toMap(
                    column -> column.getPath().toDotString(), column -> column.getEncodings().stream().anyMatch(org.apache.parquet.column.Encoding::usesDictionary)));
        }
    }

    private static Map<String, Double> industry(String communityCode)
    {
        return table(Family.INDUSTRY_OUTPUTS).filter(col("community_code").equalTo(communityCode)).collectAsList().stream()
                .collect(Collectors.toMap(row -> row.getAs("indicator") + "/" + row.getAs("product") + "/" + row.getAs("period"), row -> row.<Double>getAs("value")));
    }

    private static Dataset<Row> table(Family family)
    {
        return LakeTables.read(spark, lake, family);
    }

    private static Dataset<Row> inPeriod(Dataset<Row> rows, String dateColumn)
    {
        return rows.filter(col(dateColumn).between(java.sql.Date.valueOf(FROM), java.sql.Date.valueOf(TO)));
    }

    static Path sampleInbox()
    {
        Path candidate = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(candidate.resolve("samples/xishan-2021"))) {
            candidate = candidate.getParent();
        }
        return candidate.resolve("samples/xishan-2021");
    }
}
