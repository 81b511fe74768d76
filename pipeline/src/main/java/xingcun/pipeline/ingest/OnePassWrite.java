package xingcun.pipeline.ingest;

import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.UnsafeProjection;
import org.apache.spark.sql.catalyst.expressions.UnsafeRow;
import org.apache.spark.sql.execution.ExternalAppendOnlyUnsafeRowArray;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.TaskCompletionListener;
import scala.jdk.javaapi.CollectionConverters;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The tasks of a family written in one pass: each validates its inbox files (one partition each, one after another:
 * FilesIntoWriteTasks), tallies each as
 * {@link FamilyTally#gather} does, holds its valid rows until the file's last row has shown which of them a later row
 * of the same key replaces ({@link RepeatsInFile}), and then hands the rest to Spark's Parquet writer; the file's tally
 * and its rejected rows go to the driver through an accumulator. Nothing of the family is cached and no other pass
 * reads its files, as long as the driver then finds no key that two files hold (see FamilyIngest).
 * <p>
 * The held rows are Spark's {@link ExternalAppendOnlyUnsafeRowArray} (what Spark's window operator holds a partition's
 * rows in): a few thousand as copies on the heap, past that in pages of the task's execution memory, which Spark
 * spills to local disk when it runs short or past {@code spillBytes}. A province's largest inbox file (38 MB of
 * attendance) holds ≈ 130 MB of rows.
 */
final class OnePassWrite
{
    /** Rows a task holds as copies on the heap before it moves them into pages Spark accounts for (Spark's window default). */
    private static final int ROWS_ON_HEAP = 4096;
    /** Pages of Spark's execution memory (spark.buffer.pageSize) a task holds at least before it spills. */
    private static final int PAGES_BEFORE_SPILL = 4;

    private OnePassWrite() {}

    /**
     * What a task learnt of one partition: its tally, and its rejected rows (copies), at most {@code maxRejected} and one
     * more (past it the family is staged by the cached passes, which write any number).
     */
    record FilePart(FamilyTally tally, List<UnsafeRow> rejectedRows) implements Serializable {}

    /**
     * What the job learnt of the family: the tallies merged, and every rejected row in the order of judgement (as
     * the run report counts them; the cached passes write them in the order of their partitions).
     */
    record Learnt(FamilyTally tally, List<InternalRow> rejectedRows, int mostRejectedOfAFile)
    {
        /** Whether a file had more rejected rows than it could send ({@code maxRejected}): its list is then cut short. */
        boolean rejectedOverflow(int maxRejected)
        {
            return mostRejectedOfAFile > maxRejected;
        }

        static Learnt of(List<FilePart> parts, StructType schema)
        {
            int fileOrder = schema.fieldIndex(xingcun.pipeline.read.RawRecords.FILE_ORDER);
            int sheet = schema.fieldIndex(xingcun.pipeline.read.RawRecords.SOURCE_SHEET);
            int sourceRow = schema.fieldIndex(xingcun.pipeline.read.RawRecords.SOURCE_ROW);
            List<InternalRow> rejected = new ArrayList<>();
            parts.forEach(part -> rejected.addAll(part.rejectedRows()));
            // file, sheet (by UTF-8 bytes, as Spark orders strings), row: the order the quarantine is written in
            rejected.sort(Comparator.<InternalRow>comparingInt(row -> row.getInt(fileOrder))
                    .thenComparing((left, right) -> Arrays.compareUnsigned(left.getUTF8String(sheet).getBytes(), right.getUTF8String(sheet).getBytes()))
                    .thenComparingLong(row -> row.getLong(sourceRow)));
            int most = parts.stream().mapToInt(part -> part.rejectedRows().size()).max().orElse(0);
            return new Learnt(FamilyTally.merge(parts.stream().map(FilePart::tally).toList()), List.copyOf(rejected), most);
        }
    }

    /**
     * The valid rows that the family's lake table keeps (a key's last row of each file), partition by partition, each
     * partition's {@link FilePart} added to {@code parts} once its rows are all read.
     *
     * @param validated the validated rows, one partition an inbox file
     * @param spillBytes bytes of held rows past which a task spills them to local disk (at least four of Spark's pages)
     */
    static RDD<InternalRow> keptRows(RDD<InternalRow> validated, StructType schema, FamilyTally.Columns columns, int maxRejected, long spillBytes,
            CollectionAccumulator<FilePart> parts)
    {
        return validated.toJavaRDD().mapPartitions(rows -> keptRowsOfPartition(rows, schema, columns, maxRejected, spillBytes, parts)).rdd();
    }

    private static Iterator<InternalRow> keptRowsOfPartition(Iterator<InternalRow> rows, StructType schema, FamilyTally.Columns columns, int maxRejected,
            long spillBytes, CollectionAccumulator<FilePart> parts)
    {
        FamilyTally.OfPartition tally = new FamilyTally.OfPartition(columns);
        // Spark's sorter counts the page it writes into: a limit below a few pages would spill at every row (a
        // spill file and a read buffer each, until the heap runs out)
        long spillAt = Math.max(spillBytes, PAGES_BEFORE_SPILL * SparkEnv.get().memoryManager().pageSizeBytes());
        ExternalAppendOnlyUnsafeRowArray held = new ExternalAppendOnlyUnsafeRowArray(ROWS_ON_HEAP, Long.MAX_VALUE, Integer.MAX_VALUE, spillAt);
        // a task that fails gives the memory back too (the sorter's pages; its spill files are removed with it)
        TaskContext.get().addTaskCompletionListener((TaskCompletionListener) context -> held.clear());
        UnsafeProjection toUnsafe = UnsafeProjection.create(schema);
        List<UnsafeRow> rejected = new ArrayList<>();
        while (rows.hasNext()) {
            // a query's rows are Spark's binary rows already; held and rejected rows are copied (Spark reuses the row)
            InternalRow validatedRow = rows.next();
            UnsafeRow row = validatedRow instanceof UnsafeRow unsafe ? unsafe : toUnsafe.apply(validatedRow);
            if (tally.add(row)) {
                held.add(row);
            }
            else if (rejected.size() <= maxRejected) {
                rejected.add(row.copy());
            }
        }
        FamilyTally fileTally = tally.finish();
        parts.add(new FilePart(fileTally, rejected));
        Replaced replaced = Replaced.of(fileTally.settledRepeats(), columns);
        Iterator<UnsafeRow> heldRows = CollectionConverters.asJava(held.generateIterator());
        return new Iterator<>()
        {
            // the held rows are read one at a time: a spilled row lives in a buffer the next one overwrites, so the
            // next row is looked for only once the writer has taken the current one and asks again
            private UnsafeRow pending;
            private boolean exhausted;

            @Override
            public boolean hasNext()
            {
                while (pending == null && !exhausted) {
                    if (!heldRows.hasNext()) {
                        exhausted = true;
                        held.clear(); // the file's rows are written: its memory goes back before the task's next file
                    }
                    else {
                        UnsafeRow candidate = heldRows.next();
                        pending = replaced.contains(candidate) ? null : candidate;
                    }
                }
                return pending != null;
            }

            @Override
            public InternalRow next()
            {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                UnsafeRow current = pending;
                pending = null;
                return current;
            }
        };
    }

    /** The rows of a file that a later row of the same key replaces, by place. */
    private record Replaced(Set<Place> places, FamilyTally.Columns columns)
    {
        /** A row's place in its file. */
        private record Place(int fileOrder, String sheet, long sourceRow) {}

        static Replaced of(List<RepeatsInFile.Settled> settled, FamilyTally.Columns columns)
        {
            Set<Place> places = new HashSet<>();
            settled.stream().filter(row -> !row.winner()).forEach(row -> places.add(new Place(row.fileOrder(), row.sheet(), row.sourceRow())));
            return new Replaced(places, columns);
        }

        boolean contains(UnsafeRow row)
        {
            // most files replace nothing: no place is built for their rows
            return !places.isEmpty() && places.contains(new Place(row.getInt(columns.fileOrder()), row.getUTF8String(columns.sheet()).toString(),
                    row.getLong(columns.sourceRow())));
        }
    }
}
