package xingcun.pipeline.ingest;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.columnar.InMemoryTableScanExec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import scala.jdk.javaapi.CollectionConverters;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.xxhash64;
import static org.assertj.core.api.Assertions.assertThat;

/** The one pass over a family's validated rows: what it counts, which examples it keeps, which keys it names. */
class FamilyTallyTest
{
    private static final StructType VALIDATED = new StructType()
            .add("record_key", DataTypes.StringType)
            .add("record_hash", DataTypes.StringType)
            .add("file_order", DataTypes.IntegerType)
            .add("source_row", DataTypes.LongType)
            .add("source_sheet", DataTypes.StringType)
            .add("rule_id", DataTypes.StringType)
            .add("message_zh", DataTypes.StringType)
            .add("message_en", DataTypes.StringType);
    private static final StructType LAKE = new StructType()
            .add("record_key", DataTypes.StringType)
            .add("record_hash", DataTypes.StringType);
    private static SparkSession spark;

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
    void countsEveryRowByFileAndRuleAndListsTheValidRowsKeyHashes()
    {
        Dataset<Row> validated = validated(List.of(
                valid("k1", 0, 2L), valid("k2", 0, 3L), valid("k1", 1, 2L), valid("k3", 1, 9L),
                rejected("date.invalid", 0, 4L, ""), rejected("date.invalid", 1, 5L, ""), rejected("phone.invalid", 1, 6L, "")));
        FamilyTally tally = FamilyTally.gather(validated, List.of("record_key"), Optional.empty(), 1_000);
        assertThat(tally.rowsByFileAndRule()).isEqualTo(Map.of(
                new FamilyTally.FileRule(0, null), 2L, new FamilyTally.FileRule(1, null), 2L,
                new FamilyTally.FileRule(0, "date.invalid"), 1L, new FamilyTally.FileRule(1, "date.invalid"), 1L,
                new FamilyTally.FileRule(1, "phone.invalid"), 1L));
        long[] sparkHashes = validated.filter(col("rule_id").isNull()).select(xxhash64(col("record_key")))
                .collectAsList().stream().mapToLong(row -> row.getLong(0)).sorted().toArray();
        assertThat(tally.keyHashes()).hasSize(4).containsExactly(sparkHashes);
        assertThat(tally.validIds()).isEmpty();
    }

    @Test
    void theTallyIsThePassThatCachesTheRows()
    {
        Dataset<Row> validated = validated(List.of(valid("k1", 0, 2L), valid("k2", 1, 3L), rejected("date.invalid", 2, 4L, "")))
                .persist(StorageLevel.MEMORY_ONLY());
        try {
            assertThat(cachedPartitions()).isZero();
            FamilyTally.gather(validated, List.of("record_key"), Optional.empty(), 1_000);
            // the tally built the cache: the later queries of the run read its three partitions (files), not the files again
            assertThat(cachedPartitions()).isEqualTo(3);
            // and it reads the cached rows whole: a scan of fewer columns would copy every row into a narrower one
            InMemoryTableScanExec scan = (InMemoryTableScanExec) CollectionConverters.asJava(
                    FamilyTally.wholeRows(validated).queryExecution().executedPlan().collectLeaves()).stream()
                    .filter(InMemoryTableScanExec.class::isInstance).findFirst().orElseThrow();
            assertThat(scan.attributes()).isEqualTo(scan.relation().output());
        }
        finally {
            validated.unpersist(true);
        }
    }

    @Test
    void gathersTheIdsOfTheValidRowsEachOnceWhenAskedTo()
    {
        // the key stands in for a talent id: valid rows carry it, rejected rows may not
        Dataset<Row> validated = validated(List.of(valid("T1", 0, 2L), valid("T2", 0, 3L), valid("T1", 1, 2L), valid("T3", 2, 9L),
                rejected("date.invalid", 0, 4L, ""), RowFactory.create("T9", null, 1, 7L, "", "talent.unknown", "中文", "unknown")));
        FamilyTally tally = FamilyTally.gather(validated, List.of("record_key"), Optional.of("record_key"), 1_000);
        assertThat(tally.validIds()).containsExactlyInAnyOrder("T1", "T2", "T3");
        assertThat(tally.withoutKeyHashes().validIds()).isEqualTo(tally.validIds());
        assertThat(tally.rowsByFileAndRule()).isEqualTo(FamilyTally.gather(validated, List.of("record_key"), Optional.empty(), 1_000).rowsByFileAndRule());
    }

    @Test
    void keepsEachRulesEarliestRowInSparksOrderOfJudgement()
    {
        // file order first; then the sheet (the first one read, unnamed, before the others), compared as Spark compares
        // strings (UTF-8 bytes: "｡" U+FF61 comes before "𠀀" U+20000, which UTF-16 order would put first); then the row
        Dataset<Row> validated = validated(List.of(
                rejected("date.invalid", 1, 2L, ""), rejected("date.invalid", 0, 9L, "B"), rejected("date.invalid", 0, 8L, "B"),
                rejected("date.invalid", 0, 30L, "A"), rejected("date.invalid", 0, 40L, ""),
                rejected("phone.invalid", 0, 5L, "\uD840\uDC00"), rejected("phone.invalid", 0, 7L, "\uFF61"),
                valid("k1", 0, 1L)));
        Map<String, FamilyTally.RuleExample> expected = new java.util.HashMap<>();
        validated.filter(col("rule_id").isNotNull()).groupBy("rule_id")
                .agg(min(struct("file_order", "source_sheet", "source_row", "message_zh", "message_en"))).collectAsList()
                .forEach(row -> {
                    Row earliest = row.getStruct(1);
                    expected.put(row.getString(0), new FamilyTally.RuleExample(earliest.getInt(0), earliest.getString(1), earliest.getLong(2),
                            earliest.getString(3), earliest.getString(4)));
                });
        assertThat(FamilyTally.gather(validated, List.of("record_key"), Optional.empty(), 1_000).earliestByRule()).isEqualTo(expected).isEqualTo(Map.of(
                "date.invalid", new FamilyTally.RuleExample(0, "", 40L, "date.invalid 中文 40", "date.invalid 40"),
                "phone.invalid", new FamilyTally.RuleExample(0, "\uFF61", 7L, "phone.invalid 中文 7", "phone.invalid 7")));
    }

    @Test
    void theCandidatesAreTheKeysRepeatedInTheRunOrHeldByTheLakeAndNoOthers()
    {
        FamilyTally tally = FamilyTally.gather(validated(List.of(
                valid("repeated", 0, 2L), valid("repeated", 1, 2L), valid("repeated", 1, 3L), valid("in-lake", 0, 3L), valid("new", 0, 4L),
                // a key repeated within one file is judged in its task, not listed
                valid("in-one-file", 1, 7L), valid("in-one-file", 1, 8L),
                // rejected rows never make a key a candidate, even two of them with the same (absent) key
                rejected("date.invalid", 0, 5L, ""), rejected("date.invalid", 0, 6L, ""))), List.of("record_key"), Optional.empty(), 1_000);
        JavaSparkContext sparkContext = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Dataset<Row> lakeKeys = spark.createDataFrame(List.of(RowFactory.create("in-lake", "z"), RowFactory.create("only-in-lake", "z")), LAKE);
        assertThat(tally.candidateKeyHashes(sparkContext, Optional.of(lakeKeys), 2).orElseThrow()).containsExactly(sorted(hash("repeated"), hash("in-lake")));
        assertThat(tally.candidateKeyHashes(sparkContext, Optional.empty(), 2).orElseThrow()).containsExactly(hash("repeated"));
        // past the limit there are none to list: the run is classified whole
        assertThat(tally.candidateKeyHashes(sparkContext, Optional.of(lakeKeys), 1)).isEmpty();
        assertThat(tally.candidateKeyHashes(sparkContext, Optional.empty(), 0)).isEmpty();
        assertThat(tally.withoutKeyHashes().keyHashes()).isEmpty();
        assertThat(tally.withoutKeyHashes().rowsByFileAndRule()).isEqualTo(tally.rowsByFileAndRule());
        // the repeats settled in their files: "in-one-file" (file 1), and "repeated" within file 1, which the query
        // judges instead with its row of file 0 once it is a candidate
        assertThat(tally.settledRepeats()).extracting(RepeatsInFile.Settled::keyHash)
                .containsExactlyInAnyOrder(hash("in-one-file"), hash("in-one-file"), hash("repeated"), hash("repeated"));
        assertThat(tally.settledOutside(sorted(hash("repeated"), hash("in-lake")))).extracting(row -> row.getLong(2)).containsExactlyInAnyOrder(7L, 8L);
    }

    @Test
    void aKeyRepeatedWithinAFileIsJudgedInItsTaskInTheOrderOfJudgement()
    {
        // one file, a workbook: the first sheet read ("") before sheet B, then the row; then each row against the one before
        FamilyTally tally = FamilyTally.gather(validated(List.of(
                RowFactory.create("k", "h-a", 0, 5L, "", null, null, null), RowFactory.create("k", "h-a", 0, 1L, "B", null, null, null),
                RowFactory.create("k", "h-b", 0, 2L, "", null, null, null), valid("other", 0, 3L))), List.of("record_key"), Optional.empty(), 1_000);
        assertThat(tally.settledOutside(new long[0])).extracting(Row::toString).containsExactly(
                "[0,,2,accepted,false,null]", "[0,,5,updated,false,null]", "[0,B,1,duplicate,true,null]");
        assertThat(tally.settledOutside(new long[] {hash("k")})).isEmpty();
        // past the most a task sends, it sends one more: the run is then classified whole, and the driver holds no more
        assertThat(FamilyTally.gather(validated(List.of(valid("k", 0, 1L), valid("k", 0, 2L), valid("k", 0, 3L), valid("j", 0, 4L), valid("j", 0, 5L))),
                List.of("record_key"), Optional.empty(), 2).settledRepeats()).hasSize(3);
    }

    @Test
    void aRunWithoutValidRowsHasNoCandidates()
    {
        FamilyTally tally = FamilyTally.gather(validated(List.of(rejected("date.invalid", 0, 2L, ""))), List.of("record_key"), Optional.empty(), 1_000);
        Dataset<Row> lakeKeys = spark.createDataFrame(List.of(RowFactory.create("in-lake", "z")), LAKE);
        assertThat(tally.keyHashes()).isEmpty();
        assertThat(tally.candidateKeyHashes(JavaSparkContext.fromSparkContext(spark.sparkContext()), Optional.of(lakeKeys), 10).orElseThrow()).isEmpty();
    }

    @Test
    void anEmptyRunTalliesNothing()
    {
        FamilyTally tally = FamilyTally.gather(validated(List.of()), List.of("record_key"), Optional.of("record_key"), 1_000);
        assertThat(tally.keyHashes()).isEmpty();
        assertThat(tally.rowsByFileAndRule()).isEmpty();
        assertThat(tally.earliestByRule()).isEmpty();
        assertThat(tally.validIds()).isEmpty();
    }

    private static int cachedPartitions()
    {
        return Arrays.stream(spark.sparkContext().getRDDStorageInfo()).mapToInt(info -> info.numCachedPartitions()).sum();
    }

    /** The rows of a run, a partition a file, as the ingest holds them. */
    private static Dataset<Row> validated(List<Row> rows)
    {
        return ValidatedRows.aPartitionAFile(spark, rows, VALIDATED);
    }

    private static Row valid(String key, int fileOrder, long row)
    {
        return RowFactory.create(key, "h-" + key, fileOrder, row, "", null, null, null);
    }

    private static Row rejected(String rule, int fileOrder, long row, String sheet)
    {
        return RowFactory.create(null, null, fileOrder, row, sheet, rule, rule + " 中文 " + row, rule + " " + row);
    }

    private static long hash(String key)
    {
        return spark.createDataFrame(List.of(RowFactory.create(key)), new StructType().add("record_key", DataTypes.StringType))
                .select(xxhash64(col("record_key"))).first().getLong(0);
    }

    private static long[] sorted(long... hashes)
    {
        return Arrays.stream(hashes).sorted().toArray();
    }
}
