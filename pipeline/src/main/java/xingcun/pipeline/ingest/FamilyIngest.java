package xingcun.pipeline.ingest;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.CollectionAccumulator;
import xingcun.pipeline.contract.Family;
import xingcun.pipeline.lake.Lake;
import xingcun.pipeline.read.FileRead;
import xingcun.pipeline.read.InboxFile;
import xingcun.pipeline.read.RawRecord;
import xingcun.pipeline.read.RawRecords;
import xingcun.pipeline.validate.RecordValidator;
import xingcun.pipeline.validate.ValidationContext;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.input_file_name;
import static org.apache.spark.sql.functions.lit;
import static xingcun.pipeline.ingest.ChangeClassification.ACCEPTED;
import static xingcun.pipeline.ingest.ChangeClassification.CHANGE;
import static xingcun.pipeline.ingest.ChangeClassification.DUPLICATE;
import static xingcun.pipeline.ingest.ChangeClassification.IS_WINNER;
import static xingcun.pipeline.ingest.ChangeClassification.LAKE_HASH;
import static xingcun.pipeline.ingest.ChangeClassification.UPDATED;
import static xingcun.pipeline.ingest.ValidationTransform.RECORD_KEY;
import static xingcun.pipeline.ingest.ValidationTransform.RULE_ID;

/**
 * Ingests one family's files of a run into the run's staging folder: validate, classify against the lake,
 * write the rows the lake keeps and the rows it rejects, rewrite lake files whose keys were updated,
 * and count what became of every row.
 */
final class FamilyIngest
{
    /** Inbox bytes of a family up to which a run counts as a small batch (about 200,000 ledger rows). */
    private static final long SMALL_BATCH_BYTES = 32L << 20;
    /** Inbox bytes a family needs for each further task writing its rows (see writeTasks). */
    private static final long WRITE_BYTES_PER_TASK = 32L << 20;
    private static final StructType CANDIDATE_KEYS = DataTypes.createStructType(List.of(DataTypes.createStructField(ChangeClassification.KEY_HASH, DataTypes.LongType, false)));
    /**
     * Session setting: rows of uncommon outcome (repeats, keys the lake holds) up to which they are broadcast to the
     * rows rather than the rows classified whole. At the default 100,000 the listed rows, the table built from them
     * and its broadcast copy take some tens of MB of the driver's heap at once.
     */
    static final String MAX_BROADCAST_OUTCOMES = "spark.xingcun.ingest.maxBroadcastOutcomes";
    /**
     * Session setting: inbox bytes of a family up to which its validated rows are cached in memory (see cacheLevel).
     * Named spark.… so that {@code xingcun ingest --conf} takes it, like the other settings of a run.
     */
    static final String MAX_MEMORY_CACHE_BYTES = "spark.xingcun.ingest.maxMemoryCacheBytes";
    /**
     * Session setting: whether a family the lake holds nothing of is written in the pass that validates it (true, the
     * default) or always in the cached passes (false: to compare the two, or to rule one out).
     */
    static final String ONE_PASS = "spark.xingcun.ingest.onePass";
    /**
     * Session setting: bytes of a file's valid rows that a one-pass task holds in memory before spilling them to local
     * disk ({@link OnePassWrite}); by default an eighth of an executor's heap, like {@link #MAX_MEMORY_CACHE_BYTES}.
     */
    static final String MAX_HELD_BYTES = "spark.xingcun.ingest.maxHeldBytes";

    private final SparkSession spark;
    private final Lake lake;
    private final String runId;
    private final String stagingRoot;

    FamilyIngest(SparkSession spark, Lake lake, String runId)
    {
        this.spark = spark;
        this.lake = lake;
        this.runId = runId;
        this.stagingRoot = lake.resolve(Lake.STAGING + "/" + runId).toString();
    }

    /**
     * The ids a family's valid rows carry that later families name (talent ids, training ids): the column, and the set
     * the run adds them to once the family is staged.
     */
    record KnownIds(String column, Set<String> ids) {}

    /** Stages the family and returns what it staged; the ids its valid rows carry go to {@code knownIds}, if given. */
    StagedFamily ingest(Family family, List<FileRead> reads, ValidationContext context, Optional<KnownIds> knownIds)
    {
        ValidationTransform.keyText(family); // refuses, before any work, a key column that is not text (see recordKey)
        JavaSparkContext sparkContext = JavaSparkContext.fromSparkContext(spark.sparkContext());
        // the biggest file first: Spark starts a stage's tasks in the order of their partitions, so the last to start
        // are the shortest and the cores finish together (the rows carry their file's order, not their partition's)
        record SizedRead(FileRead read, long bytes) {}
        List<SizedRead> biggestFirst = reads.stream().filter(read -> read.rows().isPresent()).map(read -> new SizedRead(read, sizeOf(read.file())))
                .sorted(java.util.Comparator.comparingLong(SizedRead::bytes).reversed()).toList();
        List<JavaRDD<RawRecord>> files = biggestFirst.stream().map(sized -> sized.read().rows().get()).toList();
        long[] bytesOfPartition = biggestFirst.stream().mapToLong(SizedRead::bytes).toArray();
        JavaRDD<RawRecord> raw = files.isEmpty() ? sparkContext.emptyRDD() : sparkContext.union(files.toArray(JavaRDD[]::new));
        Broadcast<RecordValidator> validator = sparkContext.broadcast(new RecordValidator(family, context));
        try {
            long inputBytes = inputBytes(reads);
            // a family the lake holds nothing of has no key to judge against it: unless two files hold a key, it is
            // written in the pass that validates it (most first loads); otherwise, or past the listing limits, that
            // pass's output is removed and the cached passes stage the family
            if (Boolean.parseBoolean(spark.conf().get(ONE_PASS, "true")) && lake.currentFiles(family.folder()).isEmpty()) {
                Optional<StagedFamily> staged = ingestInOnePass(family, reads, raw, bytesOfPartition, validator, knownIds, inputBytes);
                if (staged.isPresent()) {
                    return staged.get();
                }
            }
            return ingestInCachedPasses(family, reads, raw, validator, knownIds, inputBytes);
        }
        finally {
            // destroy(boolean) is Spark-private in Scala but public to Java; the public destroy() does not wait, and
            // unpersist keeps the driver's copy (in local mode the only one) until the cleaner finds the broadcast unreachable
            validator.destroy(true);
        }
    }

    /**
     * Stages a family the lake holds nothing of in one Spark job ({@link OnePassWrite}): its valid rows are written as
     * they are validated, but for a key's earlier rows in its file, and its counts, examples, ids and rejected rows are
     * what the tasks learnt. Empty, with nothing staged, when two files hold a key (their rows are judged together,
     * by the cached passes) or the repeats or rejected rows are more than a run lists.
     */
    private Optional<StagedFamily> ingestInOnePass(Family family, List<FileRead> reads, JavaRDD<RawRecord> raw, long[] bytesOfPartition, Broadcast<RecordValidator> validator,
            Optional<KnownIds> knownIds, long inputBytes)
    {
        Dataset<Row> validated = ValidationTransform.validate(spark, family, raw, validator);
        StructType schema = validated.schema();
        int limit = broadcastLimit();
        FamilyTally.Columns columns = FamilyTally.Columns.of(schema, family.naturalKey(), knownIds.map(KnownIds::column), limit);
        // unnamed: Spark shows a named accumulator's value with every task, as text (every part sent so far)
        CollectionAccumulator<OnePassWrite.FilePart> parts = spark.sparkContext().collectionAccumulator();
        // each file's share of the rejected rows a run lists, so that the driver receives at most about the limit
        int rejectedPerFile = (int) Math.max(1, limit / Math.max(1, reads.stream().filter(read -> read.rows().isPresent()).count()));
        int writeTasks = writeTasks(inputBytes, reads);
        // whole files merged into the write tasks here (a task's files one after another: each holds its own rows until
        // its end), so that the writer's merge below has nothing left to merge
        RDD<InternalRow> keptRows = FilesIntoWriteTasks.merge(OnePassWrite.keptRows(validated.queryExecution().toRdd(), schema, columns, rejectedPerFile,
                Long.parseLong(spark.conf().get(MAX_HELD_BYTES, Long.toString(executorHeapBytes() / 8))), parts), bytesOfPartition, writeTasks);
        Dataset<Row> winners = rowsOf(keptRows, schema)
                .withColumn(RawRecords.SOURCE_FILE, ValidationTransform.sourceFile(fileNames(reads)));
        org.apache.hadoop.fs.Path folder = lake.resolve(Lake.STAGING + "/" + runId + "/" + family.folder());
        write(family, LakeTables.toLakeRows(family, winners, runId), folder.toString(), writeTasks);
        OnePassWrite.Learnt learnt = OnePassWrite.Learnt.of(parts.value(), schema);
        FamilyTally tally = learnt.tally();
        Optional<long[]> acrossFiles = tally.candidateKeyHashes(JavaSparkContext.fromSparkContext(spark.sparkContext()), Optional.empty(), limit);
        if (acrossFiles.isEmpty() || acrossFiles.get().length > 0 || tally.settledRepeats().size() > limit || learnt.rejectedOverflow(rejectedPerFile)) {
            deleteStaged(folder);
            return Optional.empty();
        }
        StagedFamily summary = summarizeListed(family, reads, tally.settledOutside(new long[0]), tally);
        Counts counts = summary.files().stream().map(RunReport.FileResult::counts).reduce(Counts.zero(), Counts::plus);
        if (counts.accepted() + counts.updated() == 0) {
            deleteStaged(folder); // a run that keeps nothing of a family writes nothing for it (Spark wrote a file of no rows)
        }
        if (counts.rejected() > 0 || reads.stream().anyMatch(read -> read.fileRejection().isPresent())) {
            RDD<InternalRow> rejected = JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(learnt.rejectedRows(), 1).rdd();
            writeQuarantine(family, rowsOf(rejected, schema).withColumn(RawRecords.SOURCE_FILE, ValidationTransform.sourceFile(fileNames(reads))), reads);
        }
        knownIds.ifPresent(ids -> ids.ids().addAll(tally.validIds()));
        return Optional.of(summary.inOnePass());
    }

    private void deleteStaged(org.apache.hadoop.fs.Path folder)
    {
        try {
            lake.fileSystem().delete(folder, true);
        }
        catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot remove the staged rows in " + folder + ": " + e.getMessage(), e);
        }
    }

    /**
     * Stages the family in passes over its validated rows, cached between them: the tally, the classification of
     * keys the lake or two files hold, the writes, a rewrite of lake files holding an updated key, the quarantine.
     */
    private StagedFamily ingestInCachedPasses(Family family, List<FileRead> reads, JavaRDD<RawRecord> raw, Broadcast<RecordValidator> validator,
            Optional<KnownIds> knownIds, long inputBytes)
    {
        // every row read, once, validated: kept for the tally, the classification and the writes that follow, so the
        // files are read and validated once
        StorageLevel cacheLevel = cacheLevel(inputBytes);
        Dataset<Row> validated = ValidationTransform.validate(spark, family, raw, validator).persist(cacheLevel);
        List<Dataset<Row>> kept = new ArrayList<>(List.of(validated));
        try {
            // the key and the source file are made where a query reads them (the writes, the rows of candidate keys);
            // the key first, since it refuses a key column that is not text, which the tally reads as text
            Column recordKey = ValidationTransform.recordKey(family);
            // the first pass over the files: read, validate, cache, tally
            RDD<InternalRow> wholeRows = FamilyTally.wholeRows(validated).queryExecution().toRdd();
            FamilyTally tally = FamilyTally.gather(wholeRows, validated.schema(), family.naturalKey(), knownIds.map(KnownIds::column), broadcastLimit());
            Dataset<Row> cachedRows = rowsOf(wholeRows, validated.schema())
                    .withColumn(RECORD_KEY, recordKey)
                    .withColumn(RawRecords.SOURCE_FILE, ValidationTransform.sourceFile(fileNames(reads)));
            Dataset<Row> lakeRows = LakeTables.read(spark, lake, family);
            boolean lakeHasRows = !lake.currentFiles(family.folder()).isEmpty();
            Optional<Dataset<Row>> lakeKeys = lakeHasRows ? Optional.of(lakeKeys(inputBytes, cachedRows, lakeRows)) : Optional.empty();
            int writeTasks = writeTasks(inputBytes, reads);
            Outcomes classified = outcomes(cachedRows, tally, lakeHasRows ? Optional.of(lakeRows) : Optional.empty(), lakeKeys, kept, cacheLevel);
            tally = tally.withoutKeyHashes(); // 8 bytes a key of each file, and the settled repeats: not held through the writes
            Dataset<Row> outcomes = classified.rows();
            StagedFamily summary = summarize(family, reads, classified, tally);
            Counts counts = summary.files().stream().map(RunReport.FileResult::counts).reduce(Counts.zero(), Counts::plus);
            List<String> replaced = List.of();
            // a run that changes nothing in a family writes nothing for it: no empty Parquet files
            if (counts.accepted() + counts.updated() > 0) {
                writeAccepted(family, outcomes, writeTasks);
                replaced = counts.updated() > 0 ? rewriteUpdatedFiles(family, outcomes, lakeRows, writeTasks, counts.updated()) : List.of();
            }
            // a file rejected whole is recorded even when its rows could not be counted (a broken workbook)
            if (counts.rejected() > 0 || reads.stream().anyMatch(read -> read.fileRejection().isPresent())) {
                writeQuarantine(family, outcomes, reads);
            }
            if (knownIds.isPresent()) {
                knownIds.get().ids().addAll(tally.validIds());
            }
            return new StagedFamily(summary.family(), replaced, summary.files(), summary.reasons(), StagedFamily.Staging.CACHED_PASSES);
        }
        finally {
            // removed before returning (blocking): a removal still running when Spark stops at the end of the run made
            // Spark print stack traces from its stopped block manager
            kept.forEach(dataset -> dataset.unpersist(true));
        }
    }

    /**
     * Spark's rows of a family's validated columns as a query of their own: the cached rows read whole (the tally's
     * {@code RDD}), the rows a one-pass write keeps, the rejected rows its tasks sent. A query of {@code validated}
     * itself reads from the cache only the columns it needs, and the cache then copies every row into a narrower one
     * (5 % of a province ingest's executor time); over whole rows, Spark's generated code reads the fields a query
     * needs where they lie. {@code internalCreateDataFrame} is Spark-private in Scala, public to Java.
     */
    private Dataset<Row> rowsOf(RDD<InternalRow> wholeRows, StructType schema)
    {
        return ((org.apache.spark.sql.classic.SparkSession) spark).internalCreateDataFrame(wholeRows, schema, false);
    }

    /**
     * Every validated row with its outcome, and the rows whose outcome is not the common one when they were listed.
     *
     * @param uncommon the rows of the run that are not new, accepted and kept (a repeat within the run, a key the lake
     *        holds) with their outcome, when few enough to list: the outcomes are then those rows' plus the common one
     *        for the rest; empty when the run was classified whole
     */
    private record Outcomes(Dataset<Row> rows, Optional<List<Row>> uncommon) {}

    /**
     * Every validated row with its outcome: rejected, or classified against the run and the lake. Most rows of a run
     * are new keys, so the tally's key hashes name the few keys that may not be (repeats within the run, keys the
     * lake holds); a key repeated within one file only was judged by the tally's task, and the rows of the others
     * (keys two files or the lake hold) are classified by a query; their outcomes are broadcast to the rows where they are. A run
     * of mostly known keys (ledgers ingested again) has too many of those to broadcast: it classifies the rows
     * themselves, once, and keeps the result in {@code kept}.
     */
    private Outcomes outcomes(Dataset<Row> validated, FamilyTally tally, Optional<Dataset<Row>> lakeRows, Optional<Dataset<Row>> lakeKeys,
            List<Dataset<Row>> kept, StorageLevel cacheLevel)
    {
        int broadcastLimit = broadcastLimit();
        // the lake's rows, not its one-row-a-key table: only which of the run's hashes it holds is asked, so its key
        // column is scanned without the shuffle that de-duplicates it
        Optional<long[]> candidateKeys = tally.candidateKeyHashes(JavaSparkContext.fromSparkContext(spark.sparkContext()), lakeRows, broadcastLimit);
        if (candidateKeys.isPresent() && tally.settledRepeats().size() <= broadcastLimit) {
            // the repeats settled in their file's task, but for keys another file or the lake holds too
            List<Row> listed = new ArrayList<>(tally.settledOutside(candidateKeys.get()));
            List<Row> candidateRows = Arrays.stream(candidateKeys.get()).mapToObj(hash -> RowFactory.create(hash)).toList();
            // no candidate key, no query: most daily batches, and first loads whose repeats stand in one file, skip it
            if (!candidateRows.isEmpty() && listed.size() <= broadcastLimit) {
                Dataset<Row> uncommon = ChangeClassification.uncommonOutcomes(validated, lakeKeys, spark.createDataFrame(candidateRows, CANDIDATE_KEYS));
                listed.addAll(uncommon.limit(broadcastLimit + 1 - listed.size()).collectAsList());
            }
            if (listed.size() <= broadcastLimit) {
                return new Outcomes(ChangeClassification.withOutcomes(validated, spark.createDataFrame(listed, ChangeClassification.UNCOMMON_OUTCOMES)),
                        Optional.of(listed));
            }
        }
        Dataset<Row> outcomes = ChangeClassification.classify(validated, lakeKeys).persist(cacheLevel);
        kept.add(outcomes);
        return new Outcomes(outcomes, Optional.empty());
    }

    /** Rows of a run's uncommon outcomes (and keys it updated) up to which they are broadcast: {@link #MAX_BROADCAST_OUTCOMES}. */
    private int broadcastLimit()
    {
        return Integer.parseInt(spark.conf().get(MAX_BROADCAST_OUTCOMES, "100000"));
    }

    /**
     * The lake's (key, hash) pairs the run is judged against, one row a key. A small batch (a day's ledger) looks up
     * only its own keys: it lists them from the validated rows, the lake's key columns are read (the key made of
     * them, LakeTables.read) and filtered against them in each task, and nothing of the lake is shuffled, so the
     * batch costs in proportion to itself.
     * A big run joins with every key of the family, which costs a shuffle of the lake's keys.
     */
    private Dataset<Row> lakeKeys(long inputBytes, Dataset<Row> validated, Dataset<Row> lakeRows)
    {
        Dataset<Row> keys = lakeRows.select(RECORD_KEY, ValidationTransform.RECORD_HASH);
        if (inputBytes > SMALL_BATCH_BYTES) {
            return keys.dropDuplicates(RECORD_KEY);
        }
        Dataset<Row> batchKeys = spark.createDataFrame(validated.filter(col(RULE_ID).isNull()).select(RECORD_KEY).distinct().collectAsList(),
                DataTypes.createStructType(List.of(DataTypes.createStructField(RECORD_KEY, DataTypes.StringType, false))));
        return broadcast(keys.join(broadcast(batchKeys), RECORD_KEY).dropDuplicates(RECORD_KEY));
    }

    /**
     * Where a family's validated rows wait between their uses: in memory (what does not fit spills to disk) unless
     * the family's inbox is bigger than {@link #MAX_MEMORY_CACHE_BYTES} — by default an eighth of an executor's heap —
     * then on local disk only, where the OS page cache keeps them outside the heap. In memory those rows take several
     * times their inbox bytes: a 3× province's 650 MB of attendance filled a 2 GB heap with 1.5 GB of live cached
     * batches, and the Parquet writers, whose buffers Spark does not account for, then ran out of memory. On disk that
     * run passed in a 2 GB heap (2.58 GB peak RSS); a mid-size family is faster in memory (province service logs:
     * 36.8 s in memory, 49.8 s on disk), and the province's 218 MB of attendance took the same time either way.
     */
    private StorageLevel cacheLevel(long inputBytes)
    {
        return cacheLevel(inputBytes, Long.parseLong(spark.conf().get(MAX_MEMORY_CACHE_BYTES, Long.toString(executorHeapBytes() / 8))));
    }

    static StorageLevel cacheLevel(long inputBytes, long maxMemoryCacheBytes)
    {
        return inputBytes > maxMemoryCacheBytes ? StorageLevel.DISK_ONLY() : StorageLevel.MEMORY_AND_DISK();
    }

    /** The heap of the JVM that caches the rows: this one in local mode, an executor's on a cluster. */
    private long executorHeapBytes()
    {
        // spark.executor.memory without a unit means MiB (4096 is 4 GiB), as Spark reads it
        return spark.sparkContext().isLocal() ? Runtime.getRuntime().maxMemory()
                : spark.sparkContext().getConf().getSizeAsMb("spark.executor.memory", "1g") << 20;
    }

    /** The name of each file of the run, by its order. */
    private static Map<Integer, String> fileNames(List<FileRead> reads)
    {
        Map<Integer, String> names = new HashMap<>();
        reads.forEach(read -> names.put(read.file().order(), read.file().name()));
        return names;
    }

    private static long inputBytes(List<FileRead> reads)
    {
        return bytesOf(reads.stream().map(FileRead::file).toList());
    }

    /** The files' bytes together; a file whose size cannot be read counts as the most there can be. */
    static long bytesOf(List<InboxFile> files)
    {
        return files.stream().mapToLong(FamilyIngest::sizeOf).reduce(0L, (left, right) -> left > Long.MAX_VALUE - right ? Long.MAX_VALUE : left + right);
    }

    /**
     * Tasks that write a family's rows: one for a small family or a day's batch, one for each 32 MB of inbox for a big
     * one, up to one a file or one a core, whichever is more. Rows read from the files (one partition a file) are
     * merged without a shuffle, whole files into tasks of about equal bytes ({@link FilesIntoWriteTasks} in one pass),
     * biggest first, and Spark gives the tasks to the cores as they free up: writing a
     * province's 3 million attendance rows in one task left a core idle for the last 15 s, in two tasks of six months
     * each (one a core) for the last 2 s. Rows after a shuffle (a run classified whole, lake files rewritten) keep a
     * task a core at least.
     */
    private int writeTasks(long inputBytes, List<FileRead> reads)
    {
        long wanted = inputBytes / WRITE_BYTES_PER_TASK + 1;
        long files = reads.stream().filter(read -> read.rows().isPresent()).count();
        return (int) Math.max(1, Math.min(wanted, Math.max(files, spark.sparkContext().defaultParallelism())));
    }

    private static long sizeOf(InboxFile file)
    {
        try {
            return java.nio.file.Files.size(file.path());
        }
        catch (java.io.IOException e) {
            return Long.MAX_VALUE; // unknown: judged as a big run, the safe way
        }
    }

    private void writeAccepted(Family family, Dataset<Row> outcomes, int writeTasks)
    {
        Dataset<Row> winners = LakeTables.toLakeRows(family, outcomes.filter(col(IS_WINNER)), runId);
        write(family, winners, stagingRoot + "/" + family.folder(), writeTasks);
    }

    /** Lake files holding an older version of a key this run updated are rewritten without it (copy on write). */
    private List<String> rewriteUpdatedFiles(Family family, Dataset<Row> outcomes, Dataset<Row> lakeRows, int writeTasks, long updated)
    {
        if (lake.currentSnapshot().files(family.folder()).isEmpty()) {
            return List.of(); // nothing in the lake yet, so nothing to update
        }
        Dataset<Row> updatedKeys = outcomes.filter(col(IS_WINNER).and(col(LAKE_HASH).isNotNull())).select(RECORD_KEY);
        if (updated <= broadcastLimit()) {
            // a few updated keys go to every task that reads the lake, which is then not shuffled (Spark's static plan
            // cannot know that the filtered outcomes are few)
            updatedKeys = broadcast(updatedKeys);
        }
        Dataset<Row> withFile = lakeRows.withColumn("lake_file", input_file_name());
        List<String> affected = withFile.join(updatedKeys, RECORD_KEY).select("lake_file").distinct().collectAsList()
                .stream().map(row -> row.getString(0)).toList();
        if (affected.isEmpty()) {
            return List.of();
        }
        Dataset<Row> kept = withFile.filter(col("lake_file").isin(affected.toArray()))
                .join(updatedKeys, withFile.col(RECORD_KEY).equalTo(updatedKeys.col(RECORD_KEY)), "left_anti")
                .select(LakeTables.storedColumns(family)); // not the key read made, nor an older lake's stored copy of it
        write(family, kept, stagingRoot + "/" + family.folder(), writeTasks);
        // input_file_name() gives a URI: %20 for a space, %E6… for Chinese; decode it before comparing with the snapshot
        return affected.stream().map(file -> lake.relative(new org.apache.hadoop.fs.Path(java.net.URI.create(file)))).toList();
    }

    private void write(Family family, Dataset<Row> rows, String folder, int writeTasks)
    {
        Dataset<Row> merged = rows.coalesce(writeTasks);
        if (family.partitionDate().isPresent()) {
            // each task writes its own rows into their year folders: a file per task and year
            lakeWriter(family, merged).partitionBy(LakeTables.YEAR).parquet(folder);
        }
        else {
            lakeWriter(family, merged).parquet(folder);
        }
    }

    static DataFrameWriter<Row> lakeWriter(Family family, Dataset<Row> rows)
    {
        DataFrameWriter<Row> writer = rows.write().mode(SaveMode.Append);
        for (String column : mostlyDistinctColumns(family)) {
            writer = writer.option("parquet.enable.dictionary#" + column, "false");
        }
        return writer;
    }

    /**
     * The columns written without Parquet's dictionary: a row's content hash, a one-column natural key
     * (log_id) and the keyed hashes of personal values, which do not repeat, and the source row and masked values,
     * which repeat little (a row number once for each inbox file a task merges, a masked phone where two phones share
     * seven digits). A dictionary of them hashes and stores every value until its page overflows, in every file,
     * and then mostly writes them plainly anyway: for the key (stored then) and the hash that was 5 % of a province
     * ingest's CPU. For the
     * source row and masked values the time either way was within a province run's noise; plain, they cost a few MB
     * of a 550 MB lake where many small files are merged.
     */
    static List<String> mostlyDistinctColumns(Family family)
    {
        List<String> columns = new ArrayList<>(List.of(ValidationTransform.RECORD_HASH, RawRecords.SOURCE_ROW));
        if (family.naturalKey().size() == 1) {
            columns.add(family.naturalKey().get(0));
        }
        for (String column : family.lakeSchema().fieldNames()) {
            if ((column.endsWith("_hash") || column.endsWith("_masked")) && !columns.contains(column)) {
                columns.add(column);
            }
        }
        return columns;
    }

    private void writeQuarantine(Family family, Dataset<Row> outcomes, List<FileRead> reads)
    {
        Dataset<Row> rejectedRows = outcomes.filter(col(RULE_ID).isNotNull()).select(
                lit(family.folder()).as(LakeTables.FAMILY),
                col(RawRecords.SOURCE_FILE),
                col(RawRecords.SOURCE_ROW),
                lit(1L).as(LakeTables.ROW_COUNT),
                col(RULE_ID),
                col(ValidationTransform.MESSAGE_ZH),
                col(ValidationTransform.MESSAGE_EN),
                col(RawRecords.RAW_JSON),
                lit(runId).as(LakeTables.RUN_ID));
        List<Row> fileRejections = new ArrayList<>();
        for (FileRead read : reads) {
            read.fileRejection().ifPresent(rejection -> fileRejections.add(RowFactory.create(
                    family.folder(), read.file().name(), null, read.rejectedRowCount(), rejection.rule().id(),
                    rejection.messageChinese(), rejection.messageEnglish(), null, runId)));
        }
        Dataset<Row> quarantine = rejectedRows.union(spark.createDataFrame(fileRejections, LakeTables.quarantineSchema()));
        quarantine.coalesce(1).write().mode(SaveMode.Append).parquet(stagingRoot + "/" + Lake.QUARANTINE + "/" + family.folder());
    }

    /** Rows of one file with one outcome (and rule, for the rejected): a term of the file's counts, negative to correct one. */
    private record OutcomeRows(int fileOrder, String change, String ruleId, long rows) {}

    /**
     * Every file's outcome counts and the family's top rejection reasons with one example each (the tally's). With the
     * uncommon rows listed the counts come from the tally too (every valid row is accepted but those listed), without
     * a Spark query; a run classified whole counts its outcome rows.
     */
    private StagedFamily summarize(Family family, List<FileRead> reads, Outcomes outcomes, FamilyTally tally)
    {
        if (outcomes.uncommon().isEmpty()) {
            return summarize(family, reads, countOutcomes(outcomes.rows()), tally.earliestByRule());
        }
        return summarizeListed(family, reads, outcomes.uncommon().get(), tally);
    }

    /** The counts and examples from the tally, where every valid row is accepted but the {@code uncommon} ones listed. */
    private static StagedFamily summarizeListed(Family family, List<FileRead> reads, List<Row> uncommon, FamilyTally tally)
    {
        List<OutcomeRows> counts = new ArrayList<>();
        tally.rowsByFileAndRule().forEach((fileRule, rows) -> counts.add(
                new OutcomeRows(fileRule.fileOrder(), fileRule.ruleId() == null ? ACCEPTED : ChangeClassification.REJECTED, fileRule.ruleId(), rows)));
        for (Row row : uncommon) {
            int fileOrder = row.getInt(row.fieldIndex(RawRecords.FILE_ORDER));
            counts.add(new OutcomeRows(fileOrder, ACCEPTED, null, -1));
            counts.add(new OutcomeRows(fileOrder, row.getString(row.fieldIndex(CHANGE)), null, 1));
        }
        return summarize(family, reads, counts, tally.earliestByRule());
    }

    /**
     * The outcome counts of a run classified whole: a hash aggregation over every row. Every row read is exactly one
     * outcome row (the joins are to the lake's keys, one row a key), so the counts of a file add up to the rows read
     * from it.
     */
    private static List<OutcomeRows> countOutcomes(Dataset<Row> outcomes)
    {
        return outcomes.groupBy(RawRecords.FILE_ORDER, CHANGE, RULE_ID).agg(count(lit(1))).collectAsList().stream()
                .map(group -> new OutcomeRows(group.getInt(0), group.getString(1), group.isNullAt(2) ? null : group.getString(2), group.getLong(3)))
                .toList();
    }

    private static StagedFamily summarize(Family family, List<FileRead> reads, List<OutcomeRows> outcomeRows, Map<String, FamilyTally.RuleExample> examples)
    {
        Map<Integer, String> fileNames = fileNames(reads);
        Map<Integer, Map<String, Long>> byFile = new HashMap<>();
        Map<String, RunReport.RejectionReason> byRule = new java.util.TreeMap<>();
        for (OutcomeRows group : outcomeRows) {
            byFile.computeIfAbsent(group.fileOrder(), ignored -> new HashMap<>()).merge(group.change(), group.rows(), Long::sum);
            if (group.ruleId() != null) {
                FamilyTally.RuleExample earliest = examples.get(group.ruleId());
                RunReport.RejectionReason example = new RunReport.RejectionReason(family.folder(), group.ruleId(), group.rows(),
                        earliest.messageChinese(), earliest.messageEnglish(), RawRecord.sourceFile(fileNames.get(earliest.fileOrder()), earliest.sheet()) + ":" + earliest.sourceRow());
                byRule.merge(group.ruleId(), example, (left, right) -> new RunReport.RejectionReason(left.family(), left.ruleId(),
                        left.rows() + right.rows(), left.exampleZh(), left.exampleEn(), left.exampleLocation()));
            }
        }
        List<RunReport.FileResult> files = new ArrayList<>();
        List<RunReport.RejectionReason> reasons = new ArrayList<>(byRule.values());
        for (FileRead read : reads) {
            InboxFile file = read.file();
            Map<String, Long> counts = byFile.getOrDefault(file.order(), Map.of());
            long rejected = counts.getOrDefault(ChangeClassification.REJECTED, 0L) + read.rejectedRowCount();
            files.add(new RunReport.FileResult(file.name(), family.folder(), file.kind().name().toLowerCase(java.util.Locale.ROOT),
                    Counts.of(counts.getOrDefault(ACCEPTED, 0L), counts.getOrDefault(UPDATED, 0L), counts.getOrDefault(DUPLICATE, 0L), rejected),
                    read.fileRejection().map(rejection -> rejection.rule().id()).orElse(null), read.notes()));
            read.fileRejection().ifPresent(rejection -> reasons.add(new RunReport.RejectionReason(family.folder(), rejection.rule().id(),
                    read.rejectedRowCount(), rejection.messageChinese(), rejection.messageEnglish(), file.name())));
        }
        reasons.sort(java.util.Comparator.comparingLong(RunReport.RejectionReason::rows).reversed().thenComparing(RunReport.RejectionReason::ruleId));
        // the replaced files are known once written, and how the family was staged (the caller sets both)
        return new StagedFamily(family.folder(), List.of(), files, reasons, StagedFamily.Staging.CACHED_PASSES);
    }

    static Set<String> ids(Dataset<Row> rows, String column)
    {
        Set<String> ids = new HashSet<>();
        rows.select(column).distinct().collectAsList().forEach(row -> ids.add(row.getString(0)));
        return ids;
    }
}
