package xingcun.pipeline.ingest;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import xingcun.pipeline.read.RawRecords;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lead;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

/**
 * Decides, for every row of a run (rejected rows are just that), whether it is new, an update or a duplicate (data contract, "Order of judgement"):
 * rows are taken in file order then row order; a row is compared with the previous row of its key in this run,
 * or else with the lake. The last row of each key is the one the lake keeps, if it differs from the lake.
 */
public final class ChangeClassification
{
    public static final String CHANGE = "change";
    public static final String LAKE_HASH = "lake_hash";
    public static final String IS_WINNER = "is_winner";
    public static final String ACCEPTED = "accepted";
    public static final String UPDATED = "updated";
    public static final String DUPLICATE = "duplicate";
    public static final String REJECTED = "rejected";
    /** A 64-bit hash of a row's key (Spark's xxhash64): how {@link FamilyTally} names the keys to look at closely. */
    public static final String KEY_HASH = ValidationTransform.KEY_HASH;
    private static final String LAKE_KEY = "lake_key";

    /** The columns of {@link #uncommonOutcomes}, in its order: a row's identity and its outcome. */
    public static final StructType UNCOMMON_OUTCOMES = new StructType()
            .add(RawRecords.FILE_ORDER, DataTypes.IntegerType, false)
            .add(RawRecords.SOURCE_SHEET, DataTypes.StringType, false)
            .add(RawRecords.SOURCE_ROW, DataTypes.LongType, false)
            .add(CHANGE, DataTypes.StringType, false)
            .add(IS_WINNER, DataTypes.BooleanType, true)
            .add(LAKE_HASH, DataTypes.StringType, true);

    /** The columns that tell one row of a run from every other (the sheet: the sheets of a workbook share a file order). */
    public static final List<String> ROW_IDENTITY = List.of(RawRecords.FILE_ORDER, RawRecords.SOURCE_SHEET, RawRecords.SOURCE_ROW);

    private ChangeClassification() {}

    /**
     * @param validated every validated row of the run: the rejected ones (rule_id set) come out as rejected, so one
     *        pass over the run's rows gives every row its outcome
     * @param lakeKeys the lake's current (record_key, record_hash) of this family, one row a key; empty when the lake
     *        has none, which spares the join on a first load
     */
    public static Dataset<Row> classify(Dataset<Row> validated, Optional<Dataset<Row>> lakeKeys)
    {
        Column rejected = col(ValidationTransform.RULE_ID).isNotNull();
        // rejected rows have no key: each is a window of its own, so they neither meet valid rows nor pile up in one task
        Column windowKey = when(rejected, concat_ws(":", lit("\u0000rejected"), col(RawRecords.FILE_ORDER), col(RawRecords.SOURCE_SHEET), col(RawRecords.SOURCE_ROW)))
                .otherwise(col(ValidationTransform.RECORD_KEY));
        // the window sorts by its partition columns first; keys share long prefixes ("SL-202501-…"), so a hash of the
        // key goes first and the sort settles most comparisons on its 8-byte prefix instead of comparing strings
        WindowSpec byKeyInOrder = Window.partitionBy(xxhash64(windowKey), windowKey)
                .orderBy(col(RawRecords.FILE_ORDER), col(RawRecords.SOURCE_SHEET), col(RawRecords.SOURCE_ROW)); // the sheet tells those of a workbook apart
        Dataset<Row> withLake = lakeKeys
                // joined by names unique to each side: the lake's keys may already be in the plan of the rows (the candidates)
                .map(keys -> validated.join(keys.select(col(ValidationTransform.RECORD_KEY).as(LAKE_KEY), col(ValidationTransform.RECORD_HASH).as(LAKE_HASH)),
                                col(ValidationTransform.RECORD_KEY).equalTo(col(LAKE_KEY)), "left")
                        .drop(LAKE_KEY))
                .orElseGet(() -> validated.withColumn(LAKE_HASH, lit(null).cast("string")));
        Column hash = col(ValidationTransform.RECORD_HASH);
        Column prior = coalesce(lag(hash, 1).over(byKeyInOrder), col(LAKE_HASH));
        Column isLast = lead(hash, 1).over(byKeyInOrder).isNull();
        return withLake
                .withColumn(CHANGE, when(rejected, lit(REJECTED)).when(prior.isNull(), lit(ACCEPTED)).when(prior.equalTo(hash), lit(DUPLICATE)).otherwise(lit(UPDATED)))
                .withColumn(IS_WINNER, not(rejected).and(isLast).and(col(LAKE_HASH).isNull().or(col(LAKE_HASH).notEqual(hash))));
    }

    /**
     * The valid rows whose outcome is not the common one — accepted, kept, and a key the lake does not hold — with
     * their {@link #classify} outcome, identified by {@link #ROW_IDENTITY}. Only the rows of the candidate keys
     * (small: broadcast, matched by the rows' {@link #KEY_HASH}) are classified, and only the columns the judgement reads.
     */
    public static Dataset<Row> uncommonOutcomes(Dataset<Row> validated, Optional<Dataset<Row>> lakeKeys, Dataset<Row> candidateKeys)
    {
        List<String> judgedColumns = new ArrayList<>(List.of(ValidationTransform.RECORD_KEY, ValidationTransform.RECORD_HASH, ValidationTransform.RULE_ID));
        judgedColumns.addAll(ROW_IDENTITY);
        List<String> outcomeColumns = new ArrayList<>(ROW_IDENTITY);
        outcomeColumns.addAll(List.of(CHANGE, IS_WINNER, LAKE_HASH));
        Dataset<Row> judged = validated.filter(col(ValidationTransform.RULE_ID).isNull())
                .join(broadcast(candidateKeys), KEY_HASH, "left_semi")
                .selectExpr(judgedColumns.toArray(String[]::new));
        Column common = col(CHANGE).equalTo(lit(ACCEPTED)).and(col(IS_WINNER)).and(col(LAKE_HASH).isNull());
        return classify(judged, lakeKeys).filter(not(common)).selectExpr(outcomeColumns.toArray(String[]::new));
    }

    /**
     * Every validated row with its outcome, as {@link #classify} gives it, from the {@link #uncommonOutcomes}: those
     * rows take theirs, rejected rows are rejected, every other row is accepted and kept. The uncommon rows are
     * broadcast, so the validated rows are not shuffled at all.
     */
    public static Dataset<Row> withOutcomes(Dataset<Row> validated, Dataset<Row> uncommon)
    {
        Column rejected = col(ValidationTransform.RULE_ID).isNotNull();
        return validated.join(broadcast(uncommon), ROW_IDENTITY.toArray(String[]::new), "left")
                .withColumn(CHANGE, when(rejected, lit(REJECTED)).otherwise(coalesce(col(CHANGE), lit(ACCEPTED))))
                .withColumn(IS_WINNER, not(rejected).and(coalesce(col(IS_WINNER), lit(true))));
    }
}
