package xingcun.pipeline.ingest;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;

/** The order of judgement of the data contract, on small hand-made batches. */
class ChangeClassificationTest
{
    private static final StructType BATCH = new StructType()
            .add("record_key", DataTypes.StringType)
            .add("record_hash", DataTypes.StringType)
            .add("file_order", DataTypes.IntegerType)
            .add("source_row", DataTypes.LongType)
            .add("source_sheet", DataTypes.StringType)
            .add("rule_id", DataTypes.StringType);
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
    void newKeysAreAcceptedAndRepeatsWithinTheBatchAreDuplicatesOrUpdates()
    {
        List<Row> result = classify(List.of(
                        RowFactory.create("k1", "a", 0, 2L, "f.csv", null),
                        RowFactory.create("k1", "a", 0, 3L, "f.csv", null),
                        RowFactory.create("k2", "a", 0, 4L, "f.csv", null),
                        RowFactory.create("k2", "b", 1, 2L, "f.csv", null)),
                List.of());
        assertThat(result).containsExactly(
                RowFactory.create("k1", "a", 0, 2L, "accepted", false),
                RowFactory.create("k1", "a", 0, 3L, "duplicate", true),
                RowFactory.create("k2", "a", 0, 4L, "accepted", false),
                RowFactory.create("k2", "b", 1, 2L, "updated", true));
    }

    @Test
    void aKeyRepeatedWithinAFileAndHeldByAnotherIsJudgedWithAllItsRows()
    {
        // k1: twice in file 0, once in file 1, and k3: twice in file 0, held by the lake: the query judges all their
        // rows together; k2 and k4: twice in file 1 only, judged in its task
        List<Row> result = classify(List.of(
                        RowFactory.create("k1", "a", 0, 3L, "", null),
                        RowFactory.create("k1", "a", 0, 2L, "", null),
                        RowFactory.create("k1", "b", 1, 2L, "", null),
                        RowFactory.create("k2", "c", 1, 4L, "", null),
                        RowFactory.create("k2", "d", 1, 5L, "", null),
                        RowFactory.create("k3", "e", 0, 6L, "", null),
                        RowFactory.create("k3", "e", 0, 7L, "", null),
                        RowFactory.create("k4", "f", 1, 8L, "", null),
                        RowFactory.create("k4", "f", 1, 9L, "", null)),
                List.of(RowFactory.create("k3", "e")));
        assertThat(result).containsExactly(
                RowFactory.create("k1", "a", 0, 2L, "accepted", false),
                RowFactory.create("k1", "a", 0, 3L, "duplicate", false),
                RowFactory.create("k1", "b", 1, 2L, "updated", true),
                RowFactory.create("k2", "c", 1, 4L, "accepted", false),
                RowFactory.create("k2", "d", 1, 5L, "updated", true),
                RowFactory.create("k3", "e", 0, 6L, "duplicate", false),
                RowFactory.create("k3", "e", 0, 7L, "duplicate", false),
                RowFactory.create("k4", "f", 1, 8L, "accepted", false),
                RowFactory.create("k4", "f", 1, 9L, "duplicate", true));
    }

    @Test
    void theLakeIsThePriorVersionAndALaterFileWinsOverAnEarlierRow()
    {
        List<Row> result = classify(List.of(
                        RowFactory.create("k1", "a", 0, 2L, "f.csv", null),
                        RowFactory.create("k2", "c", 1, 9L, "f.csv", null),
                        RowFactory.create("k2", "b", 0, 5L, "f.csv", null),
                        RowFactory.create("k3", "b", 0, 6L, "f.csv", null),
                        RowFactory.create("k3", "a", 1, 2L, "f.csv", null)),
                List.of(RowFactory.create("k1", "a"), RowFactory.create("k2", "a"), RowFactory.create("k3", "a")));
        assertThat(result).containsExactly(
                // same as the lake: nothing to write
                RowFactory.create("k1", "a", 0, 2L, "duplicate", false),
                // file 0 row 5 comes before file 1 row 9 whatever the input order; the last one is kept
                RowFactory.create("k2", "b", 0, 5L, "updated", false),
                RowFactory.create("k2", "c", 1, 9L, "updated", true),
                // changed and changed back: both updates, and the lake already holds the final content
                RowFactory.create("k3", "b", 0, 6L, "updated", false),
                RowFactory.create("k3", "a", 1, 2L, "updated", false));
    }

    @Test
    void rejectedRowsAreRejectedAndNeverMeetEachOtherOrTheValidRows()
    {
        List<Row> result = classify(List.of(
                        RowFactory.create(null, null, 0, 2L, "f.csv", "date.invalid"),
                        RowFactory.create(null, null, 0, 3L, "f.csv", "date.invalid"),
                        RowFactory.create("k1", "a", 0, 4L, "f.csv", null)),
                List.of());
        assertThat(result).containsExactly(
                RowFactory.create(null, null, 0, 2L, "rejected", false),
                RowFactory.create(null, null, 0, 3L, "rejected", false),
                RowFactory.create("k1", "a", 0, 4L, "accepted", true));
    }

    @Test
    void sheetsOfOneWorkbookShareAFileOrderAndAreTakenInSheetOrder()
    {
        List<Row> result = classify(List.of(
                        RowFactory.create("k1", "b", 0, 2L, "B", null),
                        RowFactory.create("k1", "a", 0, 2L, "", null),
                        RowFactory.create("k2", "c", 0, 3L, "B", null),
                        RowFactory.create("k2", "c", 0, 4L, "", null)),
                List.of(RowFactory.create("k1", "a")));
        // row 2 of the first sheet read (its sheet is "") and row 2 of sheet B are two rows: the first sheet's comes
        // first, whatever the row numbers
        assertThat(result).containsExactly(
                RowFactory.create("k1", "a", 0, 2L, "duplicate", false),
                RowFactory.create("k1", "b", 0, 2L, "updated", true),
                RowFactory.create("k2", "c", 0, 4L, "accepted", false),
                RowFactory.create("k2", "c", 0, 3L, "duplicate", true));
    }

    @Test
    void aFirstLoadNeedsNoLakeKeys()
    {
        Dataset<Row> classified = ChangeClassification.classify(spark.createDataFrame(List.of(
                RowFactory.create("k1", "a", 0, 2L, "f.csv", null), RowFactory.create("k1", "a", 0, 3L, "f.csv", null)), BATCH), Optional.empty());
        assertThat(classified.select("change", "is_winner").orderBy("source_row").collectAsList())
                .containsExactly(RowFactory.create("accepted", false), RowFactory.create("duplicate", true));
        Dataset<Row> validated = validated(List.of(RowFactory.create("k1", "a", 0, 2L, "f.csv", null),
                RowFactory.create("k1", "a", 0, 3L, "f.csv", null), RowFactory.create("k2", "b", 0, 4L, "f.csv", null)));
        long[] repeatedKey = validated.filter(col("record_key").equalTo("k1")).select("key_hash").distinct().collectAsList().stream().mapToLong(row -> row.getLong(0)).toArray();
        Dataset<Row> uncommon = ChangeClassification.uncommonOutcomes(validated, Optional.empty(), candidateKeys(repeatedKey));
        // the new key k2 is the common case: only the repeated key is listed
        assertThat(uncommon.select("source_row", "change", "is_winner").orderBy("source_row").collectAsList())
                .containsExactly(RowFactory.create(2L, "accepted", false), RowFactory.create(3L, "duplicate", true));
        assertThat(ChangeClassification.withOutcomes(validated, uncommon).select("source_row", "change", "is_winner").orderBy("source_row").collectAsList())
                .containsExactly(RowFactory.create(2L, "accepted", false), RowFactory.create(3L, "duplicate", true), RowFactory.create(4L, "accepted", true));
    }

    /** The outcomes of both ways to classify, which must agree: every row shuffled, or only the uncommon ones broadcast. */
    private static List<Row> classify(List<Row> batch, List<Row> lake)
    {
        Dataset<Row> validated = validated(batch);
        Optional<Dataset<Row>> lakeKeys = Optional.of(spark.createDataFrame(lake, LAKE));
        Dataset<Row> shuffled = ChangeClassification.classify(validated, lakeKeys);
        // every column the writes read: the outcome, the winner, the lake's hash (which files to rewrite), the sheet;
        // the rows as tasks get them (a partition a file) and all in one partition (every repeat judged in one task)
        for (Dataset<Row> partitioned : List.of(validated, validated.coalesce(1))) {
            assertThat(everything(broadcast(partitioned, lakeKeys))).containsExactlyElementsOf(everything(shuffled));
        }
        return outcomes(shuffled);
    }

    /**
     * The outcomes as the ingest gets them from the tally: repeats within a partition judged in its task, the rows of
     * the keys two partitions or the lake hold by {@link ChangeClassification#uncommonOutcomes}, both broadcast.
     */
    private static Dataset<Row> broadcast(Dataset<Row> validated, Optional<Dataset<Row>> lakeKeys)
    {
        Dataset<Row> withMessages = validated.withColumn("message_zh", lit(null).cast("string")).withColumn("message_en", lit(null).cast("string"));
        FamilyTally tally = FamilyTally.gather(withMessages, List.of("record_key"), Optional.empty(), 1_000);
        long[] candidates = tally.candidateKeyHashes(JavaSparkContext.fromSparkContext(spark.sparkContext()), lakeKeys, 1_000).orElseThrow();
        List<Row> listed = new java.util.ArrayList<>(tally.settledOutside(candidates));
        listed.addAll(ChangeClassification.uncommonOutcomes(validated, lakeKeys, candidateKeys(candidates)).collectAsList());
        return ChangeClassification.withOutcomes(validated, spark.createDataFrame(listed, ChangeClassification.UNCOMMON_OUTCOMES));
    }

    /** The rows of a run, a partition a file, as the ingest holds them. */
    private static Dataset<Row> validated(List<Row> batch)
    {
        return ValidatedRows.aPartitionAFile(spark, batch, BATCH);
    }

    private static Dataset<Row> candidateKeys(long[] hashes)
    {
        return spark.createDataFrame(Arrays.stream(hashes).mapToObj(hash -> RowFactory.create(hash)).toList(), new StructType().add("key_hash", DataTypes.LongType));
    }

    private static List<Row> everything(Dataset<Row> classified)
    {
        return classified.select("record_key", "record_hash", "file_order", "source_sheet", "source_row", "rule_id", "change", "is_winner", "lake_hash")
                .orderBy(col("record_key").asc_nulls_first(), col("file_order"), col("source_sheet"), col("source_row")).collectAsList();
    }

    private static List<Row> outcomes(Dataset<Row> classified)
    {
        return classified.select("record_key", "record_hash", "file_order", "source_row", "change", "is_winner")
                .orderBy(col("record_key").asc_nulls_first(), col("file_order"), col("source_sheet"), col("source_row")).collectAsList();
    }
}
