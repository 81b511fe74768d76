package xingcun.pipeline.ingest;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.columnar.InMemoryRelation;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import scala.jdk.javaapi.CollectionConverters;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ingest's cache of rows: what goes in comes out, whole or a few columns, from memory and from disk. */
class RowCacheSerializerTest
{
    private static final StructType ROWS = new StructType()
            .add("record_key", DataTypes.StringType)
            .add("attendees", DataTypes.IntegerType)
            .add("source_row", DataTypes.LongType)
            .add("area_mu", DataTypes.DoubleType)
            .add("amount_yuan", DataTypes.createDecimalType(18, 2))
            .add("held_on", DataTypes.DateType)
            .add("loaded_at", DataTypes.TimestampType)
            .add("is_winner", DataTypes.BooleanType)
            .add("raw_json", DataTypes.StringType);
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
    void theIngestSessionsCacheIsThisOne()
    {
        Dataset<Row> cached = spark.createDataFrame(rows(10), ROWS).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Object relation = CollectionConverters.asJava(cached.queryExecution().withCachedData().collectLeaves()).stream()
                    .filter(InMemoryRelation.class::isInstance).findFirst().orElseThrow();
            assertThat(((InMemoryRelation) relation).cacheBuilder().serializer()).isInstanceOf(RowCacheSerializer.class);
        }
        finally {
            cached.unpersist(true);
        }
    }

    @Test
    void emptyPartitionsAndAnEmptyTableCacheNothing()
    {
        Dataset<Row> cached = spark.createDataFrame(rows(2), ROWS).repartition(8).persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> empty = spark.createDataFrame(List.of(), ROWS).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            assertThat(sorted(cached)).containsExactlyElementsOf(sorted(spark.createDataFrame(rows(2), ROWS)));
            assertThat(empty.collectAsList()).isEmpty();
            assertThat(empty.select("raw_json").collectAsList()).isEmpty();
        }
        finally {
            cached.unpersist(true);
            empty.unpersist(true);
        }
    }

    @Test
    void everyRowComesBackWholeOrAsTheColumnsAQueryReads()
    {
        for (StorageLevel level : List.of(StorageLevel.MEMORY_AND_DISK(), StorageLevel.DISK_ONLY())) {
            Dataset<Row> rows = spark.createDataFrame(rows(30_000), ROWS).repartition(3);
            Dataset<Row> cached = spark.createDataFrame(rows(30_000), ROWS).repartition(3).persist(level);
            try {
                assertThat(cached.count()).isEqualTo(30_000);
                assertThat(sorted(cached)).containsExactlyElementsOf(sorted(rows));
                assertThat(sorted(cached.select("source_row", "raw_json", "held_on")))
                        .containsExactlyElementsOf(sorted(rows.select("source_row", "raw_json", "held_on")));
                assertThat(cached.filter(col("raw_json").isNotNull()).select("source_row").orderBy("source_row").collectAsList())
                        .containsExactly(RowFactory.create(0L), RowFactory.create(9_999L), RowFactory.create(19_998L), RowFactory.create(29_997L));
            }
            finally {
                cached.unpersist(true);
            }
        }
    }

    @Test
    void columnarBatchesAreRefusedWithTheReason()
    {
        RowCacheSerializer serializer = new RowCacheSerializer();
        assertThatThrownBy(() -> serializer.convertColumnarBatchToCachedBatch(null, null, null, null))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessage("Cannot cache columnar batches: this cache keeps rows (supportsColumnarInput is false)");
        assertThatThrownBy(() -> serializer.convertCachedBatchToColumnarBatch(null, null, null, null))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessage("Cannot read cached rows as columnar batches: this cache keeps rows (supportsColumnarOutput is false)");
    }

    /** Rows of every column type the lake has, with nulls and long Chinese text (more than a batch's 4 MB in all). */
    private static List<Row> rows(int count)
    {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            boolean rejected = i % 9_999 == 0;
            rows.add(RowFactory.create(
                    rejected ? null : "TR-202501-" + i + "\u001f培训签到" + "兴村".repeat(i % 50),
                    i % 7 == 0 ? null : i,
                    (long) i,
                    i % 5 == 0 ? null : i * 0.25,
                    i % 3 == 0 ? null : new BigDecimal(i).movePointLeft(2),
                    i % 11 == 0 ? null : Date.valueOf(java.time.LocalDate.of(2025, 1, 1).plusDays(i % 365)),
                    Timestamp.valueOf(java.time.LocalDateTime.of(2025, 1, 1, 8, 0).plusMinutes(i)),
                    i % 2 == 0,
                    rejected ? "{\"姓名\":\"***\",\"行\":" + i + "}" : null));
        }
        return rows;
    }

    private static List<Row> sorted(Dataset<Row> rows)
    {
        return rows.orderBy("source_row").collectAsList();
    }
}
