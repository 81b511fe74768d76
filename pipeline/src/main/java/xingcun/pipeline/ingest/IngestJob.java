package xingcun.pipeline.ingest;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
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
import java.util.HashSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * One ingest run: reads every file of an inbox, stages each family's accepted and rejected rows, and commits
 * them to the lake as one new snapshot — or, if anything fails, commits nothing.
 */
public final class IngestJob
{
    private static final DateTimeFormatter RUN_ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /**
     * Families staged at once, each its own Spark jobs, which keeps both cores busy while each small job waits on
     * its own (its driver's part, its commit) and holds a few families' driver state at a time.
     */
    private static final int CONCURRENT_FAMILIES = 3;
    /** Seconds a failed run waits for its other families' threads once their Spark jobs are cancelled. */
    private static final int FAMILIES_STOP_SECONDS = 60;
    /** The Spark property naming the pool a thread's jobs run in: each family's its own, shared fairly. */
    private static final String SCHEDULER_POOL = "spark.scheduler.pool";

    private IngestJob() {}

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
            Map<Family, Long> inboxBytes = new EnumMap<>(Family.class);
            for (Family family : Family.values()) {
                if (!inbox.filesOf(family).isEmpty()) {
                    inboxBytes.put(family, FamilyIngest.bytesOf(inbox.filesOf(family)));
                }
            }
            LoadOrder loadOrder = LoadOrder.of(inboxBytes);
            readAhead = new FilesReadAhead(spark, inbox, loadOrder.families());
            Map<Family, StagedFamily> staged = stageInLoadOrder(spark, lake, runId, inbox, loadOrder, readAhead,
                    new ValidationInputs(talentIds, trainingIds, hasher, options.today().plusYears(1)), options);
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

    /** What the validation of a run's families starts from: the ids in the lake (the run adds its own), the hasher, the latest date allowed. */
    private record ValidationInputs(Set<String> talentIds, Set<String> trainingIds, PersonalDataHasher hasher, java.time.LocalDate latestDate) {}

    /**
     * Stages every family of the inbox, up to {@link #CONCURRENT_FAMILIES} at once, each as soon as the families it
     * names are staged ({@link LoadOrder}). The ids a family stages, and the communities, are added here, on this thread,
     * between the families: a family is validated against what was staged before it started.
     */
    private static Map<Family, StagedFamily> stageInLoadOrder(SparkSession spark, Lake lake, String runId, Inbox inbox, LoadOrder loadOrder,
            FilesReadAhead files, ValidationInputs inputs, IngestOptions options)
    {
        FamilyIngest familyIngest = new FamilyIngest(spark, lake, runId);
        Map<Family, StagedFamily> staged = new EnumMap<>(Family.class);
        ExecutorService executor = Executors.newFixedThreadPool(CONCURRENT_FAMILIES);
        try {
            ExecutorCompletionService<StagedFamily> running = new ExecutorCompletionService<>(executor);
            Map<Family, FamilyIngest.KnownIds> newIds = new EnumMap<>(Family.class);
            CommunityDirectory communities = null; // the lake's communities with this run's, read again only after they change
            int started = 0;
            while (loadOrder.anyWaiting() || staged.size() < started) {
                Optional<Family> ready = started - staged.size() < CONCURRENT_FAMILIES ? loadOrder.takeReady(staged.keySet()) : Optional.empty();
                if (ready.isPresent()) {
                    Family family = ready.get();
                    if (communities == null) {
                        communities = CommunityDirectory.xishanProgram().withOverrides(communityOverrides(lake, runId));
                    }
                    // the ids are copied into the context here, while the families running beside add none
                    ValidationContext context = new ValidationContext(communities, inputs.talentIds(), inputs.trainingIds(), inputs.hasher(), inputs.latestDate());
                    Optional<FamilyIngest.KnownIds> knownIds = family == Family.TALENTS ? Optional.of(new FamilyIngest.KnownIds("talent_id", new HashSet<>()))
                            : family == Family.TRAININGS ? Optional.of(new FamilyIngest.KnownIds("training_id", new HashSet<>())) : Optional.empty();
                    knownIds.ifPresent(ids -> newIds.put(family, ids));
                    running.submit(() -> ingestFamily(spark, familyIngest, family, inbox.filesOf(family), files, context, knownIds, options));
                    started++;
                    continue;
                }
                if (staged.size() == started) {
                    throw new IllegalStateException("No family of " + loadOrder.families() + " can start: LoadOrder's prerequisites form a cycle");
                }
                StagedFamily done = running.take().get();
                Family family = Family.fromFolder(done.family()).orElseThrow();
                staged.put(family, done);
                Optional.ofNullable(newIds.get(family)).ifPresent(ids -> (family == Family.TALENTS ? inputs.talentIds() : inputs.trainingIds()).addAll(ids.ids()));
                if (family == Family.COMMUNITIES) {
                    communities = null; // the communities this run staged count for the families after them
                }
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
            awaitFamilies(executor);
        }
    }

    /**
     * Waits for the family threads to end (at once after a run that staged every family): a failed run's other families
     * should not write into the staging folder the run removes next. Past the wait the run's own failure is reported
     * all the same; what a family writes later is removed by the next run.
     */
    private static void awaitFamilies(ExecutorService executor)
    {
        try {
            executor.awaitTermination(FAMILIES_STOP_SECONDS, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stages one family on a thread of its own, its Spark jobs in a scheduler pool of its own. */
    private static StagedFamily ingestFamily(SparkSession spark, FamilyIngest familyIngest, Family family, List<InboxFile> familyFiles, FilesReadAhead files,
            ValidationContext context, Optional<FamilyIngest.KnownIds> knownIds, IngestOptions options)
    {
        // fair scheduling shares the cores between the pools of the families running (one task to each in turn), so a
        // family others wait for (the trainings, 1 % of the rows) is not queued behind a big family's tasks
        spark.sparkContext().setLocalProperty(SCHEDULER_POOL, family.folder());
        try {
            options.progress().accept("%s: reading %d file%s".formatted(family.folder(), familyFiles.size(), familyFiles.size() == 1 ? "" : "s"));
            long familyStarted = System.nanoTime();
            List<FileRead> reads = files.reads(family, familyFiles);
            StagedFamily stagedFamily = familyIngest.ingest(family, reads, context, knownIds);
            long rows = stagedFamily.files().stream().mapToLong(file -> file.counts().read()).sum();
            options.progress().accept("%s: %d rows in %.1f s, %s".formatted(family.folder(), rows, (System.nanoTime() - familyStarted) / 1e9,
                    stagedFamily.staging().description()));
            return stagedFamily;
        }
        finally {
            spark.sparkContext().setLocalProperty(SCHEDULER_POOL, null);
        }
    }

    /** The communities table as this run will commit it (see {@link CommittedCommunities}). */
    private static List<CommunityDirectory.CommunityOverride> communityOverrides(Lake lake, String runId)
    {
        try {
            return CommittedCommunities.read(lake, runId);
        }
        catch (IOException e) {
            throw new PipelineException(PipelineErrorCode.RUN_FAILED, "Cannot read the communities of run " + runId + ": " + e.getMessage(), e);
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
