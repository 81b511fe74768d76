package xingcun.pipeline.ingest;

import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.Attribute;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.UnsafeProjection;
import org.apache.spark.sql.catalyst.expressions.UnsafeRow;
import org.apache.spark.sql.columnar.CachedBatch;
import org.apache.spark.sql.columnar.CachedBatchSerializer;
import org.apache.spark.sql.internal.SQLConf;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.vectorized.ColumnarBatch;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.unsafe.Platform;
import scala.Function2;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Spark's cache of a family's validated rows kept as rows, not columns ({@code spark.sql.cache.serializer}). Spark's
 * default cache builds a column vector and its statistics for every column of every batch and turns them back into
 * rows on every read; an ingest reads whole rows (to write them) and never filters on cached statistics, and building
 * and reading those columns was about a tenth of a province ingest's executor time. Here a batch is the rows' own
 * bytes ({@link UnsafeRow}s, as Spark's operators pass them), each after its length in 8 bytes (an UnsafeRow's size is
 * a multiple of 8, so every row stays word-aligned): caching is a copy, reading points a row at the bytes.
 */
public final class RowCacheSerializer implements CachedBatchSerializer
{
    /** Bytes of rows a batch holds at most (and one row more): a unit Spark can spill and read back alone. */
    private static final int BATCH_BYTES = 4 << 20;
    /** The length before each row: a long, so that rows (multiples of 8 bytes) start on a word. */
    private static final int LENGTH_BYTES = 8;

    /**
     * Rows as bytes, each a long length and the row's bytes. A class, not a record: Spark may serialize cached blocks
     * with Kryo (spark.serializer), whose version here predates records.
     */
    static final class RowBatch implements CachedBatch, Serializable
    {
        private final int numRows;
        private final byte[] rows;

        RowBatch(int numRows, byte[] rows)
        {
            this.numRows = numRows;
            this.rows = java.util.Objects.requireNonNull(rows, "rows is null");
        }

        @Override
        public int numRows()
        {
            return numRows;
        }

        @Override
        public long sizeInBytes()
        {
            return rows.length;
        }

        byte[] rows()
        {
            return rows;
        }
    }

    @Override
    public boolean supportsColumnarInput(Seq<Attribute> schema)
    {
        return false;
    }

    @Override
    public boolean supportsColumnarOutput(StructType schema)
    {
        return false;
    }

    @Override
    public RDD<CachedBatch> convertInternalRowToCachedBatch(RDD<InternalRow> input, Seq<Attribute> schema, StorageLevel storageLevel, SQLConf conf)
    {
        DataType[] types = CollectionConverters.asJava(schema).stream().map(Attribute::dataType).toArray(DataType[]::new);
        return input.toJavaRDD().mapPartitions((Iterator<InternalRow> rows) -> batches(rows, types)).rdd();
    }

    @Override
    public RDD<InternalRow> convertCachedBatchToInternalRow(RDD<CachedBatch> input, Seq<Attribute> cacheAttributes, Seq<Attribute> selectedAttributes, SQLConf conf)
    {
        boolean everyColumn = selectedAttributes.equals(cacheAttributes);
        return input.toJavaRDD().mapPartitions((Iterator<CachedBatch> batches) -> {
            Iterator<InternalRow> rows = new CachedRows(batches, cacheAttributes.size());
            if (everyColumn) {
                return rows;
            }
            // the columns a query reads, by position in the cached rows
            @SuppressWarnings("unchecked") // an attribute is an expression: Scala's Seq is covariant, Java's view of it is not
            Seq<Expression> selected = (Seq<Expression>) (Seq<?>) selectedAttributes;
            UnsafeProjection projection = UnsafeProjection.create(selected, cacheAttributes);
            return new Iterator<InternalRow>()
            {
                @Override
                public boolean hasNext()
                {
                    return rows.hasNext();
                }

                @Override
                public InternalRow next()
                {
                    return projection.apply(rows.next());
                }
            };
        }).rdd();
    }

    @Override
    public Function2<Object, scala.collection.Iterator<CachedBatch>, scala.collection.Iterator<CachedBatch>> buildFilter(Seq<Expression> predicates, Seq<Attribute> cachedAttributes)
    {
        // no statistics, so no batch is skipped: the query's own filter still applies to every row
        return (Function2<Object, scala.collection.Iterator<CachedBatch>, scala.collection.Iterator<CachedBatch>> & Serializable) (partition, batches) -> batches;
    }

    @Override
    public RDD<CachedBatch> convertColumnarBatchToCachedBatch(RDD<ColumnarBatch> input, Seq<Attribute> schema, StorageLevel storageLevel, SQLConf conf)
    {
        throw new UnsupportedOperationException("Cannot cache columnar batches: this cache keeps rows (supportsColumnarInput is false)");
    }

    @Override
    public RDD<ColumnarBatch> convertCachedBatchToColumnarBatch(RDD<CachedBatch> input, Seq<Attribute> cacheAttributes, Seq<Attribute> selectedAttributes, SQLConf conf)
    {
        throw new UnsupportedOperationException("Cannot read cached rows as columnar batches: this cache keeps rows (supportsColumnarOutput is false)");
    }

    private static Iterator<CachedBatch> batches(Iterator<InternalRow> rows, DataType[] types)
    {
        return new Iterator<>()
        {
            // the rows of Spark's operators are UnsafeRows already; anything else is made one (made when first needed)
            private UnsafeProjection toUnsafe;
            // a batch is gathered here, then copied out at its size: one buffer for the partition (grown as a small
            // partition needs), not one grown from small for every batch: those copies were a sixth of the bytes a
            // province ingest allocated
            private byte[] gathering = new byte[0];

            @Override
            public boolean hasNext()
            {
                return rows.hasNext();
            }

            @Override
            public CachedBatch next()
            {
                if (!rows.hasNext()) {
                    throw new NoSuchElementException("Cannot cache more rows: the partition has none left");
                }
                int used = 0;
                int count = 0;
                while (used < BATCH_BYTES && rows.hasNext()) {
                    InternalRow next = rows.next();
                    UnsafeRow row = next instanceof UnsafeRow unsafe ? unsafe : unsafe(next);
                    int size = row.getSizeInBytes();
                    int needed = used + LENGTH_BYTES + size;
                    if (needed > gathering.length) {
                        // doubling, but no further than a batch and a row can take (a batch ends past BATCH_BYTES)
                        int grown = Math.min(Math.max(64 << 10, gathering.length * 2), BATCH_BYTES + (64 << 10));
                        gathering = Arrays.copyOf(gathering, Math.max(grown, needed));
                    }
                    Platform.putLong(gathering, Platform.BYTE_ARRAY_OFFSET + used, size);
                    row.writeToMemory(gathering, Platform.BYTE_ARRAY_OFFSET + used + LENGTH_BYTES);
                    used += LENGTH_BYTES + size;
                    count++;
                }
                return new RowBatch(count, Arrays.copyOf(gathering, used));
            }

            private UnsafeRow unsafe(InternalRow row)
            {
                if (toUnsafe == null) {
                    toUnsafe = UnsafeProjection.create(types);
                }
                return toUnsafe.apply(row);
            }
        };
    }

    /** The rows of a partition's batches, one {@link UnsafeRow} pointed at each in turn (Spark's operators copy what they keep). */
    private static final class CachedRows implements Iterator<InternalRow>
    {
        private final Iterator<CachedBatch> batches;
        private final UnsafeRow row;
        private byte[] bytes = new byte[0];
        private int at;

        CachedRows(Iterator<CachedBatch> batches, int columns)
        {
            this.batches = batches;
            this.row = new UnsafeRow(columns);
        }

        @Override
        public boolean hasNext()
        {
            while (at == bytes.length && batches.hasNext()) {
                bytes = ((RowBatch) batches.next()).rows;
                at = 0;
            }
            return at < bytes.length;
        }

        @Override
        public InternalRow next()
        {
            if (!hasNext()) {
                throw new NoSuchElementException("Cannot read another cached row: the partition has none left");
            }
            int size = (int) Platform.getLong(bytes, Platform.BYTE_ARRAY_OFFSET + at);
            row.pointTo(bytes, Platform.BYTE_ARRAY_OFFSET + at + LENGTH_BYTES, size);
            at += LENGTH_BYTES + size;
            return row;
        }
    }
}
