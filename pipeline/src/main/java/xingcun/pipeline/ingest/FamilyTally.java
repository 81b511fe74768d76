package xingcun.pipeline.ingest;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.StructType;
import xingcun.pipeline.read.RawRecords;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.LongStream;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.xxhash64;

/**
 * What one pass over a family's validated rows learns, in the tasks that validate them — and cache them
 * ({@link #gather}: each task reads its partition back from the cache it has just built) or write them
 * ({@link OnePassWrite}, through {@link OfPartition}): the 64-bit hashes of the valid rows' keys (Spark's
 * {@code xxhash64}, as the lake's keys are hashed), the rows of each file by rule, and each rule's earliest rejected
 * row, and the ids the valid rows carry when later families name them. Each task sends its part to the driver, which
 * merges them. This replaced four Spark queries a family: the key hashes counted (in the pass that built the cache,
 * with a shuffle) to find the keys that are not new, the outcome counts and the rules' examples (each another pass
 * over the cached rows, with a shuffle), and the valid rows' distinct ids.
 *
 * @param keyHashes the valid rows' key hashes, each partition's (file's) once, ascending (a key two files hold is there
 *        twice); 8 bytes a key on the driver, so dropped ({@link #withoutKeyHashes}) by the cached passes once the candidates are known
 * @param settledRepeats the rows of keys repeated within a file, judged in its task ({@link RepeatsInFile})
 * @param rowsByFileAndRule rows by file and rule; a null rule counts the valid rows
 * @param earliestByRule each rule's earliest row in the order of judgement (file, sheet, row): the same in every run
 * @param validIds the ids the valid rows carry (talent or training ids, which later families name), each once; empty
 *        for a family whose ids no other family names
 */
record FamilyTally(long[] keyHashes, List<RepeatsInFile.Settled> settledRepeats, Map<FileRule, Long> rowsByFileAndRule,
        Map<String, RuleExample> earliestByRule, Set<String> validIds)
        implements Serializable
{
    FamilyTally
    {
        requireNonNull(keyHashes, "keyHashes is null");
        settledRepeats = List.copyOf(requireNonNull(settledRepeats, "settledRepeats is null"));
        rowsByFileAndRule = Map.copyOf(requireNonNull(rowsByFileAndRule, "rowsByFileAndRule is null"));
        earliestByRule = Map.copyOf(requireNonNull(earliestByRule, "earliestByRule is null"));
        validIds = Collections.unmodifiableSet(requireNonNull(validIds, "validIds is null"));
    }

    /** Rows of one file (its order in the run; the sheets of a workbook share it) under one rule, null for the valid rows. */
    record FileRule(int fileOrder, String ruleId) implements Serializable {}

    /**
     * A rejected row as the run report shows it for its rule.
     *
     * @param sheet the row's {@link xingcun.pipeline.read.RawRecord#sheet}: empty but for a workbook's later sheets
     */
    record RuleExample(int fileOrder, String sheet, long sourceRow, String messageChinese, String messageEnglish) implements Serializable
    {
        /**
         * The order of judgement: file, then sheet (Spark's order of strings: their UTF-8 bytes; the first sheet's
         * empty name first), then row.
         */
        boolean isBefore(RuleExample other)
        {
            if (fileOrder != other.fileOrder) {
                return fileOrder < other.fileOrder;
            }
            int bySheet = Arrays.compareUnsigned(utf8(sheet), utf8(other.sheet));
            return bySheet != 0 ? bySheet < 0 : sourceRow < other.sourceRow;
        }

        /** The earlier of two examples of a rule: how the tasks and then the driver keep one. */
        static RuleExample earlier(RuleExample kept, RuleExample candidate)
        {
            return candidate.isBefore(kept) ? candidate : kept;
        }

        private static byte[] utf8(String text)
        {
            return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /**
     * Tallies the validated rows, which builds their cache when they are persisted and not yet cached: this is then
     * the family's first pass over its files. The tasks read Spark's own rows, every column: a query of some columns
     * would copy each cached row into a narrower one, and a {@code Row} would decode every string again (together
     * ≈ 3 % of a province ingest's executor time).
     *
     * @param keyColumns the columns of the rows' key (text)
     * @param idColumn the column whose values of valid rows are gathered as {@link #validIds}, if any
     * @param maxSettled settled repeats up to which a task sends them all: past it, a task sends this many and one
     *        more, the run has too many to list anyway (it is then classified whole), and the driver holds no more
     */
    static FamilyTally gather(Dataset<Row> validated, List<String> keyColumns, Optional<String> idColumn, int maxSettled)
    {
        return gather(wholeRows(validated).queryExecution().toRdd(), validated.schema(), keyColumns, idColumn, maxSettled);
    }

    /**
     * Tallies the validated rows as {@link #wholeRows} gives them to Spark's tasks: the ingest keeps that one
     * {@code RDD} for its later queries too, so the cache's rows are planned for once.
     */
    static FamilyTally gather(RDD<InternalRow> wholeRows, StructType schema, List<String> keyColumns, Optional<String> idColumn, int maxSettled)
    {
        Columns columns = Columns.of(schema, keyColumns, idColumn, maxSettled);
        return merge(wholeRows.toJavaRDD().mapPartitions(partition -> {
            OfPartition tally = new OfPartition(columns);
            partition.forEachRemaining(tally::add);
            return List.of(tally.finish()).iterator();
        }).collect());
    }

    /**
     * Every column of the validated rows, as a new query of the same plan, so that Spark looks it up among the cached
     * ones, and reads the cached rows as they are (every column: no narrower copy).
     */
    static Dataset<Row> wholeRows(Dataset<Row> validated)
    {
        return validated.select(col("*"));
    }

    /** Where the tally's columns are in the validated rows; {@code id} is -1 when no ids are gathered. */
    record Columns(RepeatsInFile.Positions judged, int fileOrder, int ruleId, int sheet, int sourceRow, int messageChinese, int messageEnglish, int id,
            int maxSettled)
            implements Serializable
    {
        /** The columns of validated rows of {@code schema}; see {@link #gather} for the arguments. */
        static Columns of(StructType schema, List<String> keyColumns, Optional<String> idColumn, int maxSettled)
        {
            RepeatsInFile.Positions judged = new RepeatsInFile.Positions(schema.fieldIndex(ValidationTransform.KEY_HASH),
                    schema.fieldIndex(ValidationTransform.RECORD_HASH), schema.fieldIndex(RawRecords.FILE_ORDER), schema.fieldIndex(RawRecords.SOURCE_SHEET),
                    schema.fieldIndex(RawRecords.SOURCE_ROW), keyColumns.stream().mapToInt(schema::fieldIndex).toArray());
            return new Columns(judged, schema.fieldIndex(RawRecords.FILE_ORDER),
                    schema.fieldIndex(ValidationTransform.RULE_ID), schema.fieldIndex(RawRecords.SOURCE_SHEET), schema.fieldIndex(RawRecords.SOURCE_ROW),
                    schema.fieldIndex(ValidationTransform.MESSAGE_ZH), schema.fieldIndex(ValidationTransform.MESSAGE_EN),
                    idColumn.map(schema::fieldIndex).orElse(-1), maxSettled);
        }
    }

    /**
     * One partition's (one file's) tally, built as its rows pass: what each task of {@link #gather} sends, and what a
     * family written in one pass ({@link OnePassWrite}) learns of each file while writing it.
     */
    static final class OfPartition
    {
        private final Columns columns;
        private final RepeatsInFile repeats;
        private long[] validByFile = new long[0]; // indexed by file order: most rows are valid, and counted without a map
        private final Map<FileRule, Long> counts = new HashMap<>();
        private final Map<String, RuleExample> earliest = new HashMap<>();
        private final Set<String> ids = new HashSet<>();

        OfPartition(Columns columns)
        {
            this.columns = columns;
            this.repeats = new RepeatsInFile(columns.judged());
        }

        /** Tallies a validated row; true when it is valid. Spark may reuse the row: what is kept is copied out. */
        boolean add(InternalRow row)
        {
            int fileOrder = row.getInt(columns.fileOrder());
            if (row.isNullAt(columns.ruleId())) {
                if (fileOrder >= validByFile.length) {
                    validByFile = Arrays.copyOf(validByFile, fileOrder + 1);
                }
                validByFile[fileOrder]++;
                repeats.add(row); // its key hash (the validator's, as Spark's xxhash64 hashes the key), content hash and place
                if (columns.id() >= 0 && !row.isNullAt(columns.id())) {
                    ids.add(row.getUTF8String(columns.id()).toString());
                }
                return true;
            }
            String ruleId = row.getUTF8String(columns.ruleId()).toString();
            counts.merge(new FileRule(fileOrder, ruleId), 1L, Long::sum);
            RuleExample example = new RuleExample(fileOrder, row.getUTF8String(columns.sheet()).toString(), row.getLong(columns.sourceRow()),
                    text(row, columns.messageChinese()), text(row, columns.messageEnglish()));
            earliest.merge(ruleId, example, RuleExample::earlier);
            return false;
        }

        /** The partition's tally, once its rows are all added: its repeats settled, at most {@code maxSettled} and one more of them. */
        FamilyTally finish()
        {
            Map<FileRule, Long> all = new HashMap<>(counts);
            for (int fileOrder = 0; fileOrder < validByFile.length; fileOrder++) {
                if (validByFile[fileOrder] > 0) {
                    all.put(new FileRule(fileOrder, null), validByFile[fileOrder]);
                }
            }
            // sorted on the executors, so that the driver merges sorted runs
            List<RepeatsInFile.Settled> settled = repeats.settle();
            return new FamilyTally(repeats.distinctKeyHashes(), settled.subList(0, Math.min(settled.size(), columns.maxSettled() + 1)), all, earliest, ids);
        }
    }

    private static String text(InternalRow row, int column)
    {
        return row.isNullAt(column) ? null : row.getUTF8String(column).toString();
    }

    static FamilyTally merge(List<FamilyTally> parts)
    {
        long[] hashes = parts.stream().flatMapToLong(part -> LongStream.of(part.keyHashes)).toArray();
        Arrays.parallelSort(hashes);
        List<RepeatsInFile.Settled> settled = parts.stream().flatMap(part -> part.settledRepeats.stream()).toList();
        Map<FileRule, Long> counts = new HashMap<>();
        Map<String, RuleExample> earliest = new HashMap<>();
        Set<String> ids = new HashSet<>();
        for (FamilyTally part : parts) {
            part.rowsByFileAndRule.forEach((fileRule, rows) -> counts.merge(fileRule, rows, Long::sum));
            part.earliestByRule.forEach((rule, example) -> earliest.merge(rule, example, RuleExample::earlier));
            ids.addAll(part.validIds);
        }
        return new FamilyTally(hashes, settled, counts, earliest, ids);
    }

    /** The same tally without its key hashes and settled repeats, which the counts and examples do not need. */
    FamilyTally withoutKeyHashes()
    {
        return new FamilyTally(new long[0], List.of(), rowsByFileAndRule, earliestByRule, validIds);
    }

    /**
     * The keys whose rows may have an outcome other than the common one (new, accepted, kept) and were not judged in
     * their file's task ({@link #settledRepeats}), as key hashes, ascending: keys two files of the run hold, and keys
     * the lake holds. A first load or a day's batch has none or few (a clerk's repeats stand in one file); a re-run of
     * ledgers already in the lake has every key, more than {@code limit}, and is then classified whole. Two keys sharing a hash only add a key to look at closely
     * ({@link ChangeClassification#uncommonOutcomes} classifies by the key itself).
     *
     * @param lakeKeys the family's lake rows (a {@code record_key} column), absent when it has none: each task scans
     *        its part of the column with the run's hashes as a broadcast and sends back only those it meets, at most
     *        {@code limit + 1}
     * @return the candidates, or empty when there are more than {@code limit}
     */
    Optional<long[]> candidateKeyHashes(JavaSparkContext sparkContext, Optional<Dataset<Row>> lakeKeys, int limit)
    {
        long[] repeated = repeatedKeyHashes(limit);
        if (repeated.length > limit) {
            return Optional.empty();
        }
        if (lakeKeys.isEmpty() || keyHashes.length == 0) {
            return Optional.of(repeated);
        }
        Broadcast<long[]> runHashes = sparkContext.broadcast(distinctOfSorted(keyHashes));
        try {
            List<long[]> held = lakeKeys.get().select(xxhash64(col(ValidationTransform.RECORD_KEY))).javaRDD()
                    .mapPartitions(lakeRows -> List.of(among(lakeRows, runHashes.value(), limit + 1)).iterator()).collect();
            long[] distinct = distinctOfSorted(LongStream.concat(LongStream.of(repeated), held.stream().flatMapToLong(LongStream::of)).sorted().toArray());
            return distinct.length > limit ? Optional.empty() : Optional.of(distinct);
        }
        finally {
            runHashes.destroy(true);
        }
    }

    /**
     * The rows judged in their file's task whose key is not among the {@code candidates} (those are judged with all
     * their rows, by a query), as the uncommon outcomes' rows are.
     */
    List<Row> settledOutside(long[] candidates)
    {
        return settledRepeats.stream().filter(settled -> Arrays.binarySearch(candidates, settled.keyHash()) < 0).map(RepeatsInFile.Settled::toRow).toList();
    }

    /** The hashes that occur more than once (in more than one partition), each once, ascending: stops past {@code limit} of them. */
    private long[] repeatedKeyHashes(int limit)
    {
        LongStream.Builder repeated = LongStream.builder();
        int count = 0;
        for (int i = 1; i < keyHashes.length && count <= limit; i++) {
            // the first repeat of a run of equal hashes: the one before it is its first occurrence
            if (keyHashes[i] == keyHashes[i - 1] && (i == 1 || keyHashes[i - 2] != keyHashes[i])) {
                repeated.add(keyHashes[i]);
                count++;
            }
        }
        return repeated.build().toArray();
    }

    /** An ascending array without its repeats (a stream's distinct() would box every value into a set). */
    private static long[] distinctOfSorted(long[] sorted)
    {
        long[] distinct = new long[sorted.length];
        int count = 0;
        for (long value : sorted) {
            if (count == 0 || distinct[count - 1] != value) {
                distinct[count++] = value;
            }
        }
        return Arrays.copyOf(distinct, count);
    }

    /** The lake's key hashes that the run holds too, up to {@code most} of them (then the caller falls back anyway). */
    private static long[] among(Iterator<Row> lakeRows, long[] runHashes, int most)
    {
        LongStream.Builder found = LongStream.builder();
        int count = 0;
        while (lakeRows.hasNext() && count < most) {
            long hash = lakeRows.next().getLong(0);
            if (Arrays.binarySearch(runHashes, hash) >= 0) {
                found.add(hash);
                count++;
            }
        }
        return found.build().toArray();
    }
}
