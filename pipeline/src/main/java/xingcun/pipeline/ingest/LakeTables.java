package xingcun.pipeline.ingest;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import xingcun.pipeline.contract.Family;
import xingcun.pipeline.lake.Lake;
import xingcun.pipeline.read.RawRecords;

import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.year;

/** The shape of the lake's tables — a family's accepted rows and its quarantine — and how to read them with Spark. */
public final class LakeTables
{
    public static final String RUN_ID = "run_id";
    public static final String YEAR = "year";
    public static final String FAMILY = "family";
    public static final String ROW_COUNT = "row_count";

    private LakeTables() {}

    /**
     * The columns every accepted row carries besides its business columns: its content hash and lineage. Not its key
     * (record_key): the text of its key columns, which {@link #read} makes from them. Stored, it was a third of a
     * province lake (178 MB of the attendance's 464: a training id and two hashes again) and of the writer's work.
     */
    public static List<String> lineageColumns()
    {
        return List.of(ValidationTransform.RECORD_HASH, RawRecords.SOURCE_FILE, RawRecords.SOURCE_ROW, RUN_ID);
    }

    public static StructType quarantineSchema()
    {
        return DataTypes.createStructType(List.of(
                DataTypes.createStructField(FAMILY, DataTypes.StringType, false),
                DataTypes.createStructField(RawRecords.SOURCE_FILE, DataTypes.StringType, false),
                DataTypes.createStructField(RawRecords.SOURCE_ROW, DataTypes.LongType, true),
                DataTypes.createStructField(ROW_COUNT, DataTypes.LongType, false),
                DataTypes.createStructField(ValidationTransform.RULE_ID, DataTypes.StringType, false),
                DataTypes.createStructField(ValidationTransform.MESSAGE_ZH, DataTypes.StringType, false),
                DataTypes.createStructField(ValidationTransform.MESSAGE_EN, DataTypes.StringType, false),
                DataTypes.createStructField(RawRecords.RAW_JSON, DataTypes.StringType, true),
                DataTypes.createStructField(RUN_ID, DataTypes.StringType, false)));
    }

    /** Accepted rows as the lake stores them ({@link #storedSchema}): business columns, lineage, partition year. */
    public static Dataset<Row> toLakeRows(Family family, Dataset<Row> rows, String runId)
    {
        Column[] columns = java.util.Arrays.stream(storedSchema(family).fieldNames()).map(name -> switch (name) {
            case RUN_ID -> lit(runId).as(RUN_ID);
            case YEAR -> year(col(family.partitionDate().orElseThrow())).as(YEAR);
            default -> col(name);
        }).toArray(Column[]::new);
        return rows.select(columns);
    }

    /**
     * A family's rows in the lake's current snapshot (empty, with the right columns, when it has none), with their key
     * ({@code record_key}) made from their key columns. Lakes written before 2026-11-30 hold that key as a column of
     * their files as well: the same text, not read. {@link #storedColumns} are what a rewrite of these rows writes back.
     */
    public static Dataset<Row> read(SparkSession spark, Lake lake, Family family)
    {
        List<String> files = lake.currentFiles(family.folder());
        StructType schema = storedSchema(family);
        // the stored columns by name, not as one file's footer has them (an older file's record_key is not read)
        Dataset<Row> stored = files.isEmpty() ? spark.createDataFrame(List.of(), schema)
                : spark.read().schema(schema).option("basePath", lake.resolve(family.folder()).toString()).parquet(files.toArray(String[]::new));
        return stored.withColumn(ValidationTransform.RECORD_KEY, ValidationTransform.keyText(family));
    }

    /** The columns of the family's rows as a run writes them to the lake ({@link #toLakeRows}), in its order. */
    public static Column[] storedColumns(Family family)
    {
        return java.util.Arrays.stream(storedSchema(family).fieldNames()).map(name -> col(name)).toArray(Column[]::new);
    }

    /** A family's lake table: its business columns, the {@link #lineageColumns}, and the partition year where it has one. */
    private static StructType storedSchema(Family family)
    {
        StructType schema = family.lakeSchema();
        for (String column : lineageColumns()) {
            schema = schema.add(column, column.equals(RawRecords.SOURCE_ROW) ? DataTypes.LongType : DataTypes.StringType);
        }
        return family.partitionDate().isPresent() ? schema.add(YEAR, DataTypes.IntegerType) : schema;
    }

    /** A family's quarantine in the lake's current snapshot. */
    public static Dataset<Row> readQuarantine(SparkSession spark, Lake lake, Family family)
    {
        List<String> files = lake.currentFiles(Lake.QUARANTINE + "/" + family.folder());
        if (files.isEmpty()) {
            return spark.createDataFrame(List.of(), quarantineSchema());
        }
        return spark.read().parquet(files.toArray(String[]::new));
    }
}
