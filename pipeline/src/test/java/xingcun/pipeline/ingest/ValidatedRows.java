package xingcun.pipeline.ingest;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

/** Validated rows for the tally and classification tests, held as the ingest holds a run's rows. */
final class ValidatedRows
{
    private ValidatedRows() {}

    /**
     * The rows, a partition a file (by their file_order), as the ingest reads them; a valid row's key_hash is Spark's
     * hash of its record_key, as the validator makes it (ValidationTransformTest).
     */
    static Dataset<Row> aPartitionAFile(SparkSession spark, List<Row> rows, StructType schema)
    {
        int fileOrderAt = schema.fieldIndex("file_order");
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        JavaRDD<Row> files = context.emptyRDD();
        for (int fileOrder : rows.stream().map(row -> row.getInt(fileOrderAt)).distinct().sorted().toList()) {
            files = files.union(context.parallelize(rows.stream().filter(row -> row.getInt(fileOrderAt) == fileOrder).toList(), 1));
        }
        return spark.createDataFrame(files, schema).withColumn("key_hash", when(col("rule_id").isNull(), xxhash64(col("record_key"))));
    }
}
