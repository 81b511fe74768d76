package xingcun.pipeline.ingest;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import xingcun.pipeline.read.RawRecords;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lead;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

/**
 * Decides, for every valid row, whether it is new, an update or a duplicate (data contract, "Order of judgement"):
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

    private ChangeClassification() {}

    /**
     * @param valid validated rows that passed every rule
     * @param lakeKeys the lake's current (record_key, record_hash) of this family
     */
    public static Dataset<Row> classify(Dataset<Row> valid, Dataset<Row> lakeKeys)
    {
        WindowSpec byKeyInOrder = Window.partitionBy(ValidationTransform.RECORD_KEY)
                .orderBy(col(RawRecords.FILE_ORDER), col(RawRecords.SOURCE_FILE), col(RawRecords.SOURCE_ROW)); // source_file tells the sheets of a workbook apart
        Dataset<Row> withLake = valid.join(
                lakeKeys.withColumnRenamed(ValidationTransform.RECORD_HASH, LAKE_HASH),
                valid.col(ValidationTransform.RECORD_KEY).equalTo(lakeKeys.col(ValidationTransform.RECORD_KEY)), "left")
                .drop(lakeKeys.col(ValidationTransform.RECORD_KEY));
        Column hash = col(ValidationTransform.RECORD_HASH);
        Column prior = coalesce(lag(hash, 1).over(byKeyInOrder), col(LAKE_HASH));
        Column isLast = lead(hash, 1).over(byKeyInOrder).isNull();
        return withLake
                .withColumn(CHANGE, when(prior.isNull(), lit(ACCEPTED)).when(prior.equalTo(hash), lit(DUPLICATE)).otherwise(lit(UPDATED)))
                .withColumn(IS_WINNER, isLast.and(col(LAKE_HASH).isNull().or(col(LAKE_HASH).notEqual(hash))));
    }
}
