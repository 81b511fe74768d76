package xingcun.cluster;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import xingcun.pipeline.PipelineErrorCode;
import xingcun.pipeline.PipelineException;
import xingcun.pipeline.cluster.ClusterSessions;
import xingcun.pipeline.ingest.IngestJob;
import xingcun.pipeline.ingest.IngestOptions;
import xingcun.pipeline.ingest.IngestSessions;
import xingcun.pipeline.ingest.RunReport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The sample inbox ingested through a real standalone cluster (scripts/spark-standalone.sh: a master and two workers
 * with Spark's jars only, so the pipeline reaches the executors as jars the driver ships) gives the lake a local[*]
 * ingest gives, row for row; a worker killed in the middle of a run costs retries, not rows.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIngestTest
{
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
    private static final Path SAMPLE = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("../samples/xishan-2021").normalize();
    private static final String KEY_FILE = "_keys/personal-data.key";
    private static final List<String> DAEMONS = List.of("master", "worker-1", "worker-2");
    /**
     * Executors live for one small run, so most of their CPU went to compiling hot code: on the 2-core machine the
     * sample's executors took 116 CPU-s with the default compilers and 44 with the quick one, the run 225 s and 100 s.
     */
    private static final Map<String, String> SHORT_LIVED_EXECUTORS = Map.of("spark.executor.extraJavaOptions", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");

    @TempDir
    static Path folder;

    private static StandaloneCluster cluster;
    private static Path localLake;
    private static RunReport localReport;
    private static LakeContents localContents;

    @BeforeAll
    static void startTheClusterAndIngestLocally()
            throws SQLException
    {
        cluster = StandaloneCluster.start(folder.resolve("cluster"), 2);
        localLake = folder.resolve("local-lake");
        SparkSession spark = IngestSessions.create(IngestSessions.LOCAL);
        try {
            localReport = IngestJob.run(spark, new IngestOptions(SAMPLE, localLake.toString(), TODAY, line -> {}));
        }
        finally {
            spark.stop();
        }
        localContents = LakeContents.read(localLake);
    }

    @AfterAll
    static void stopTheCluster()
    {
        if (cluster == null) {
            return;
        }
        List<ProcessHandle> started = new ArrayList<>();
        for (String daemon : DAEMONS) {
            ProcessHandle.of(cluster.pidOf(daemon)).ifPresent(process -> {
                started.add(process);
                process.children().forEach(started::add); // executors
            });
        }
        cluster.close();
        assertThat(started).as("processes of the cluster still alive after stop").noneMatch(ProcessHandle::isAlive);
    }

    @Test
    @Order(1)
    void theScriptReportsWhatItStarted()
    {
        StandaloneCluster.Result status = cluster.status();

        assertThat(status.exit()).isZero();
        assertThat(status.output().lines().toList()).hasSize(3).allMatch(line -> line.contains(" running"));
        assertThat(status.output()).startsWith("master pid " + cluster.pidOf("master") + " running " + cluster.masterUrl());
        assertThat(cluster.masterUrl()).matches("spark://127\\.0\\.0\\.1:\\d+");
    }

    @Test
    @Order(2)
    void theClusterLakeEqualsTheLocalLakeRowForRow()
            throws IOException, SQLException
    {
        Path lake = lakeSharingTheLocalKey("cluster-lake");
        ExecutorEvents events = new ExecutorEvents();

        RunReport report = ingestOnTheCluster(lake, events, line -> {});

        assertThat(events.taskExecutors()).as("executors that ran tasks: both workers', never the driver").hasSize(2).doesNotContain("driver");
        assertThat(events.removedExecutors()).isEmpty();
        assertSameLakeAsLocal(report, lake);
    }

    @Test
    @Order(3)
    void aClusterWithoutRoomForTheApplicationSaysSoInsteadOfWaiting()
    {
        // no worker offers 64g, so no executor can start
        assertThatThrownBy(() -> IngestSessions.create(cluster.masterUrl(), Map.of("spark.executor.memory", "64g", ClusterSessions.EXECUTOR_TIMEOUT, "5s")))
                .isInstanceOf(PipelineException.class)
                .hasMessage("Cannot run on " + cluster.masterUrl() + ": no executor started within 5 s; check on the master's web UI that a worker is ALIVE"
                        + " with a free core and 64g of free memory (spark.executor.memory), or wait longer with --conf spark.xingcun.executorTimeout=10min")
                .extracting(error -> ((PipelineException) error).errorCode()).isEqualTo(PipelineErrorCode.RUN_FAILED);
        assertThat(SparkSession.getDefaultSession().isEmpty()).as("the session was stopped").isTrue();
    }

    @Test
    @Order(4)
    void aWorkerKilledMidRunCostsRetriesNotRows()
            throws IOException, SQLException
    {
        Path lake = lakeSharingTheLocalKey("lost-worker-lake");
        ExecutorEvents events = new ExecutorEvents();
        AtomicReference<String> lostExecutor = new AtomicReference<>();
        AtomicReference<String> killedWorker = new AtomicReference<>();

        RunReport report = ingestOnTheCluster(lake, events, line -> {
            // talents are staged, and the next families start their jobs side by side: kill the worker under the first of their tasks
            if (line.startsWith("talents: 35 rows")) {
                events.onTaskStart(executorId -> {
                    if (lostExecutor.compareAndSet(null, executorId)) {
                        killedWorker.set(killWorkerAndExecutor(executorId));
                    }
                });
            }
        });

        // the run completed through Spark's retries (it did not fail): same counts, same rows as local[*], one snapshot
        assertThat(killedWorker.get()).as("the worker killed under a running task").isIn("worker-1", "worker-2");
        assertThat(events.removedExecutors()).as("executors Spark lost").containsExactly(lostExecutor.get());
        assertThat(events.tasksLostWithExecutor()).as("tasks lost with the executor and run again").isPositive();
        assertSameLakeAsLocal(report, lake);
        StandaloneCluster.Result status = cluster.status();
        assertThat(status.exit()).as("status with one worker gone").isEqualTo(1);
        assertThat(status.output()).contains(killedWorker.get() + " not running");
    }

    private static RunReport ingestOnTheCluster(Path lake, ExecutorEvents events, Consumer<String> progress)
    {
        SparkSession spark = IngestSessions.create(cluster.masterUrl(), SHORT_LIVED_EXECUTORS);
        try {
            spark.sparkContext().addSparkListener(events);
            return IngestJob.run(spark, new IngestOptions(SAMPLE, lake.toString(), TODAY, progress));
        }
        finally {
            spark.stop();
        }
    }

    /** A new lake holding the local lake's personal-data key, so that hashes of the same phone or id number are equal. */
    private static Path lakeSharingTheLocalKey(String name)
            throws IOException
    {
        Path lake = folder.resolve(name);
        Files.createDirectories(lake.resolve(KEY_FILE).getParent());
        Files.copy(localLake.resolve(KEY_FILE), lake.resolve(KEY_FILE));
        return lake;
    }

    private static void assertSameLakeAsLocal(RunReport report, Path lake)
            throws IOException, SQLException
    {
        assertThat(report.snapshotId()).isEqualTo(1);
        assertThat(report.families()).isEqualTo(localReport.families());
        assertThat(report.files()).isEqualTo(localReport.files());
        assertThat(report.rejectionReasons()).isEqualTo(localReport.rejectionReasons());

        LakeContents contents = LakeContents.read(lake);
        assertThat(contents.snapshotId()).isEqualTo(1);
        assertThat(contents.tables().keySet()).isEqualTo(localContents.tables().keySet());
        contents.tables().forEach((table, rows) -> assertThat(rows).as(table).containsExactlyElementsOf(localContents.tables().get(table)));
        // the sample's own counts, so that two empty lakes could not pass
        long lakeRows = report.families().stream().mapToLong(family -> contents.rowCount(family.family())).sum();
        assertThat(lakeRows).isEqualTo(1891);
        assertThat(contents.tables().keySet().stream().filter(table -> table.startsWith("_quarantine/")).mapToLong(contents::rowCount).sum()).isEqualTo(7);

        try (Stream<Path> snapshots = Files.list(lake.resolve("_snapshots"))) {
            assertThat(snapshots.map(path -> path.getFileName().toString())).containsExactly("00000001.json");
        }
        assertThat(lake.resolve("_lock")).doesNotExist();
        assertThat(lake.resolve("_staging")).satisfiesAnyOf(
                staging -> assertThat(staging).doesNotExist(),
                staging -> assertThat(staging).isEmptyDirectory());
    }

    /** SIGKILL for the worker running the executor and for the executor itself, as when a machine dies; returns the worker's name. */
    private static String killWorkerAndExecutor(String executorId)
    {
        for (String worker : DAEMONS.subList(1, DAEMONS.size())) {
            Optional<ProcessHandle> workerProcess = ProcessHandle.of(cluster.pidOf(worker));
            Optional<ProcessHandle> executor = workerProcess.stream().flatMap(ProcessHandle::children)
                    .filter(child -> executorIdOf(child).equals(Optional.of(executorId)))
                    .findFirst();
            if (executor.isPresent()) {
                workerProcess.get().destroyForcibly();
                executor.get().destroyForcibly();
                return worker;
            }
        }
        return "no worker runs executor " + executorId;
    }

    /** The executor id on a process's command line, read from /proc: ProcessHandle.Info gives no arguments for a command line as long as an executor's. */
    private static Optional<String> executorIdOf(ProcessHandle process)
    {
        try {
            List<String> arguments = List.of(Files.readString(Path.of("/proc", String.valueOf(process.pid()), "cmdline")).split("\0"));
            int flag = arguments.indexOf("--executor-id");
            return flag >= 0 && flag + 1 < arguments.size() ? Optional.of(arguments.get(flag + 1)) : Optional.empty();
        }
        catch (IOException e) {
            return Optional.empty(); // the process ended
        }
    }
}
