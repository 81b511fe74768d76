package xingcun.pipeline.ingest;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import xingcun.pipeline.PipelineErrorCode;
import xingcun.pipeline.PipelineException;
import xingcun.pipeline.community.CommunityDirectory;
import xingcun.pipeline.contract.Family;
import xingcun.pipeline.identity.PersonalDataHasher;
import xingcun.pipeline.lake.Lake;
import xingcun.pipeline.lake.Snapshot;
import xingcun.pipeline.read.FileRead;
import xingcun.pipeline.read.Inbox;
import xingcun.pipeline.read.InboxFile;
import xingcun.pipeline.validate.ValidationContext;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.EnumMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * One ingest run: reads every file of an inbox, stages each family's accepted and rejected rows, and commits
 * them to the lake as one new snapshot — or, if anything fails, commits nothing.
 */
public final class IngestJob
{
    private static final DateTimeFormatter RUN_ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /**
     * Families load in stages so references resolve: communities first (they change the program's set), then talents (most families name a talent), then every
     * family that only needs talents, side by side, then attendance (it names trainings). Within a stage the
     * families run as concurrent Spark jobs, which keeps both cores busy while each small job waits on its own.
     */
    private static final List<List<Family>> LOAD_STAGES = List.of(
            List.of(Family.COMMUNITIES),
            List.of(Family.TALENTS),
            List.of(Family.SERVICE_LOGS, Family.TRAININGS, Family.IP_OUTPUTS, Family.INDUSTRY_OUTPUTS, Family.PROJECTS, Family.EVALUATIONS, Family.YOUTH_TALENTS),
            List.of(Family.TRAINING_ATTENDANCE));
    private static final int CONCURRENT_FAMILIES = 3;

    private IngestJob() {}

    private static Map<Family, StagedFamily> ingestConcurrently(SparkSession spark, List<Family> stage, Function<Family, StagedFamily> ingest, Inbox inbox)
    {
        List<Family> present = stage.stream().filter(family -> !inbox.filesOf(family).isEmpty()).toList();
        ExecutorService executor = Executors.newFixedThreadPool(CONCURRENT_FAMILIES);
        try {
            Map<Family, Future<StagedFamily>> futures = new EnumMap<>(Family.class);
            present.forEach(family -> futures.put(family, executor.submit(() -> ingest.apply(family))));
            Map<Family, StagedFamily> staged = new EnumMap<>(Family.class);
            for (Map.Entry<Family, Future<StagedFamily>> future : futures.entrySet()) {
                staged.put(future.getKey(), future.getValue().get());
            }
            return staged;
        }
        catch (ExecutionException e) {
            spark.sparkContext().cancelAllJobs(); // the other families' jobs need not finish
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Ingest interrupted", e);
        }
        finally {
            executor.shutdownNow();
        }
    }

    public static RunReport run(SparkSession spark, IngestOptions options)
    {
        Instant startedAt = Instant.now();
        Inbox inbox = Inbox.scan(options.inbox());
        Lake lake = Lake.open(options.lake(), spark.sparkContext().hadoopConfiguration());
        String runId = RUN_ID_TIME.format(startedAt) + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 6);
        lake.lock(runId);
        Snapshot previous;
        try {
            lake.removeLeftovers();
            previous = lake.currentSnapshot();
        }
        catch (RuntimeException e) {
            lake.unlock();
            throw e;
        }
        FilesReadAhead readAhead = null;
        try {
            PersonalDataHasher hasher = new PersonalDataHasher(lake.personalDataKey());
            // the ids other families name, read from the lake only when a family of this inbox needs them: a daily
            // batch of service logs does not read a year of trainings
            Set<String> talentIds = java.util.Arrays.stream(Family.values()).anyMatch(family -> family != Family.COMMUNITIES && !inbox.filesOf(family).isEmpty())
                    ? FamilyIngest.ids(LakeTables.read(spark, lake, Family.TALENTS), "talent_id") : new java.util.HashSet<>();
            Set<String> trainingIds = !inbox.filesOf(Family.TRAININGS).isEmpty() || !inbox.filesOf(Family.TRAINING_ATTENDANCE).isEmpty()
                    ? FamilyIngest.ids(LakeTables.read(spark, lake, Family.TRAININGS), "training_id") : new java.util.HashSet<>();
            FamilyIngest familyIngest = new FamilyIngest(spark, lake, runId);
            readAhead = new FilesReadAhead(spark, inbox, LOAD_STAGES.stream().flatMap(List::stream).toList());
            FilesReadAhead files = readAhead;
            Map<Family, StagedFamily> staged = new EnumMap<>(Family.class);
            CommunityDirectory communities = null; // the lake's communities with this run's, read again only after they change
            for (List<Family> stage : LOAD_STAGES) {
                if (stage.stream().allMatch(family -> inbox.filesOf(family).isEmpty())) {
                    continue;
                }
                if (communities == null) {
                    communities = CommunityDirectory.xishanProgram().withOverrides(communityOverrides(spark, lake, runId));
                }
                ValidationContext context = new ValidationContext(communities, talentIds, trainingIds, hasher, options.today().plusYears(1));
                staged.putAll(ingestConcurrently(spark, stage, family -> {
                    List<InboxFile> familyFiles = inbox.filesOf(family);
                    options.progress().accept("%s: reading %d file%s".formatted(family.folder(), familyFiles.size(), familyFiles.size() == 1 ? "" : "s"));
                    long familyStarted = System.nanoTime();
                    List<FileRead> reads = files.reads(family, familyFiles);
                    Optional<FamilyIngest.KnownIds> knownIds = family == Family.TALENTS ? Optional.of(new FamilyIngest.KnownIds("talent_id", talentIds))
                            : family == Family.TRAININGS ? Optional.of(new FamilyIngest.KnownIds("training_id", trainingIds)) : Optional.empty();
                    StagedFamily stagedFamily = familyIngest.ingest(family, reads, context, knownIds);
                    long rows = stagedFamily.files().stream().mapToLong(file -> file.counts().read()).sum();
                    options.progress().accept("%s: %d rows in %.1f s, %s".formatted(family.folder(), rows, (System.nanoTime() - familyStarted) / 1e9,
                            stagedFamily.staging().description()));
                    return stagedFamily;
                }, inbox));
                if (stage.contains(Family.COMMUNITIES)) {
                    communities = null; // the communities this run staged count from the next stage on
                }
            }
            options.progress().accept("committing run " + runId);
            List<StagedFamily> inFamilyOrder = List.copyOf(staged.values());
            RunReport report = report(runId, startedAt, options, lake, previous.id() + 1, inbox, inFamilyOrder);
            commit(lake, previous, runId, inFamilyOrder, report);
            return report;
        }
        catch (PipelineException e) {
            throw e;
        }
        catch (RuntimeException e) {
            throw new PipelineException(PipelineErrorCode.RUN_FAILED,
                    "Ingest run " + runId + " failed, nothing was committed: " + failure(e, spark.sparkContext().isStopped(), Runtime.getRuntime().maxMemory()), e);
        }
        finally {
            if (readAhead != null) {
                readAhead.close();
            }
            deleteQuietly(lake, Lake.STAGING + "/" + runId);
            lake.unlock();
        }
    }

    /**
     * The communities table as this run will commit it: the lake's rows, replaced by the rows this run staged
     * (a small table: collected to the driver).
     */
    private static List<CommunityDirectory.CommunityOverride> communityOverrides(SparkSession spark, Lake lake, String runId)
    {
        org.apache.hadoop.fs.Path staged = lake.resolve(Lake.STAGING + "/" + runId + "/" + Family.COMMUNITIES.folder());
        try {
            boolean anyStaged = lake.fileSystem().exists(staged);
            if (!anyStaged && lake.currentFiles(Family.COMMUNITIES.folder()).isEmpty()) {
                return List.of(); // the common case: the built-in table as it is, and no Spark query for it
            }
            Dataset<Row> rows = LakeTables.read(spark, lake, Family.COMMUNITIES).select("code", "name", "parent_code", "in_program");
            if (anyStaged) {
                Dataset<Row> stagedRows = spark.read().parquet(staged.toString()).select("code", "name", "parent_code", "in_program");
                rows = rows.join(stagedRows.select("code"), rows.col("code").equalTo(stagedRows.col("code")), "left_anti").union(stagedRows);
            }
            return rows.orderBy("code").collectAsList().stream()
                    .map(row -> new CommunityDirectory.CommunityOverride(row.getString(0), row.getString(1), Optional.ofNullable(row.getString(2)),
                            row.isNullAt(3) || row.getBoolean(3)))
                    .toList();
        }
        catch (IOException e) {
            throw new PipelineException(PipelineErrorCode.RUN_FAILED, "Cannot read the staged communities of run " + runId + ": " + e.getMessage(), e);
        }
    }

    private static RunReport report(String runId, Instant startedAt, IngestOptions options, Lake lake, long snapshotId, Inbox inbox, List<StagedFamily> staged)
    {
        List<RunReport.FileResult> files = staged.stream().flatMap(family -> family.files().stream()).toList();
        List<RunReport.FamilyResult> families = staged.stream()
                .map(family -> new RunReport.FamilyResult(family.family(), family.files().size(),
                        family.files().stream().map(RunReport.FileResult::counts).reduce(Counts.zero(), Counts::plus)))
                .toList();
        List<RunReport.RejectionReason> reasons = staged.stream().flatMap(family -> family.reasons().stream())
                .sorted(Comparator.comparingLong(RunReport.RejectionReason::rows).reversed())
                .toList();
        return new RunReport(runId, startedAt, Instant.now(), options.inbox().toString(), lake.displayName(), snapshotId,
                files, families, reasons, inbox.skipped());
    }

    /** Moves staged files into the lake's folders, writes the run report, then commits the snapshot that lists them. */
    private static void commit(Lake lake, Snapshot previous, String runId, List<StagedFamily> staged, RunReport report)
    {
        try {
            FileSystem fileSystem = lake.fileSystem();
            Path stagingRoot = lake.resolve(Lake.STAGING + "/" + runId);
            Map<String, List<String>> tables = new HashMap<>();
            previous.tables().forEach((table, files) -> tables.put(table, new ArrayList<>(files)));
            for (StagedFamily family : staged) {
                List<String> files = tables.computeIfAbsent(family.family(), ignored -> new ArrayList<>());
                if (!files.containsAll(family.replacedFiles())) {
                    throw new IOException("files to replace are not in the current snapshot: " + family.replacedFiles());
                }
                files.removeAll(family.replacedFiles());
            }
            if (fileSystem.exists(stagingRoot)) {
                moveStagedFiles(lake, stagingRoot, stagingRoot, runId, tables);
            }
            lake.writeJson(lake.resolve(Lake.RUNS + "/" + runId + ".json"), report);
            List<String> runs = new ArrayList<>(previous.runs());
            runs.add(runId);
            lake.commit(new Snapshot(previous.id() + 1, runId, Instant.now(), tables, runs));
        }
        catch (IOException e) {
            throw new PipelineException(PipelineErrorCode.RUN_FAILED, "Cannot commit run " + runId + ", nothing was committed: " + e.getMessage(), e);
        }
    }

    private static void moveStagedFiles(Lake lake, Path folder, Path stagingRoot, String runId, Map<String, List<String>> tables)
            throws IOException
    {
        FileSystem fileSystem = lake.fileSystem();
        for (FileStatus status : fileSystem.listStatus(folder)) {
            Path path = status.getPath();
            if (status.isDirectory()) {
                moveStagedFiles(lake, path, stagingRoot, runId, tables);
                continue;
            }
            if (!path.getName().endsWith(".parquet")) {
                continue;
            }
            String relativeToStaging = fileSystem.makeQualified(path).toUri().getPath()
                    .substring(fileSystem.makeQualified(stagingRoot).toUri().getPath().length() + 1);
            String table = tableOf(relativeToStaging);
            String parent = relativeToStaging.substring(0, relativeToStaging.lastIndexOf('/'));
            String target = parent + "/" + runId + "-" + path.getName();
            fileSystem.mkdirs(lake.resolve(parent));
            if (!fileSystem.rename(path, lake.resolve(target))) {
                throw new IOException("cannot move " + path + " to " + target);
            }
            tables.computeIfAbsent(table, ignored -> new ArrayList<>()).add(target);
        }
    }

    /** "service_logs/year=2021/part-0.parquet" → "service_logs"; "_quarantine/trainings/part-0.parquet" → "_quarantine/trainings". */
    private static String tableOf(String relativeToStaging)
    {
        String[] parts = relativeToStaging.split("/");
        return parts[0].equals(Lake.QUARANTINE) ? parts[0] + "/" + parts[1] : parts[0];
    }

    private static void deleteQuietly(Lake lake, String relative)
    {
        try {
            lake.fileSystem().delete(lake.resolve(relative), true);
        }
        catch (IOException ignored) {
            // a leftover staging folder is removed by the next run's removeLeftovers
        }
    }

    /**
     * What went wrong, in one line. A task that runs out of memory stops Spark, and the run then fails on whatever it
     * asks of Spark next ("Cannot call methods on a stopped SparkContext"), so a stopped Spark is read as what it
     * almost always is, and the line says how to give the run more memory.
     */
    static String failure(Throwable error, boolean sparkStopped, long heapBytes)
    {
        boolean outOfMemory = false;
        for (Throwable cause = error; cause != null && !outOfMemory; cause = cause.getCause() == cause ? null : cause.getCause()) {
            outOfMemory = cause instanceof OutOfMemoryError || String.valueOf(cause.getMessage()).contains("OutOfMemoryError");
        }
        if (outOfMemory || sparkStopped) {
            return "%s (%s); the heap is %.1f GB: run it again with more, e.g. XINGCUN_HEAP=4g ./xingcun ingest …".formatted(
                    outOfMemory ? "Spark ran out of memory" : "Spark stopped during the run, most often because a task ran out of memory",
                    firstLine(error), heapBytes / (double) (1L << 30));
        }
        return firstLine(error);
    }

    private static String firstLine(Throwable error)
    {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
