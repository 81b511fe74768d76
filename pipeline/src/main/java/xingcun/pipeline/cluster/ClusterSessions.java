package xingcun.pipeline.cluster;

import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;
import xingcun.pipeline.PipelineErrorCode;
import xingcun.pipeline.PipelineException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What a session on a cluster needs beyond a local one: a master that answers, this application's jars on the
 * executors, and at least one executor before the run starts, so a cluster without room for it fails with a message
 * instead of waiting silently.
 */
public final class ClusterSessions
{
    /** How long a session waits for its first executor (a Spark duration: 120s, 5min); 120 s by default. */
    public static final String EXECUTOR_TIMEOUT = "spark.xingcun.executorTimeout";
    private static final String DEFAULT_EXECUTOR_TIMEOUT = "120s";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private ClusterSessions() {}

    public static boolean isCluster(String master)
    {
        return !master.startsWith("local");
    }

    /**
     * The settings a session on {@code master} needs: {@code spark.jars} with our jars after any the user gave, and
     * for a master on loopback a driver on loopback too (the machine's name may resolve to an address the local
     * workers are not meant to use). Fails at once, with what to do, when a standalone master does not answer.
     */
    public static Map<String, String> settings(String master, Map<String, String> userSettings)
    {
        requireReachable(master);
        Optional<StandaloneMaster> standalone = StandaloneMaster.parse(master);
        Map<String, String> settings = new LinkedHashMap<>();
        if (standalone.map(StandaloneMaster::onLoopback).orElse(false) && !userSettings.containsKey("spark.driver.host")) {
            settings.put("spark.driver.host", "127.0.0.1");
            settings.put("spark.driver.bindAddress", "127.0.0.1");
        }
        List<String> jars = new ArrayList<>();
        Optional.ofNullable(userSettings.get("spark.jars")).filter(value -> !value.isBlank()).ifPresent(jars::add);
        ExecutorJars.locate().forEach(jar -> jars.add(jar.toString()));
        settings.put("spark.jars", String.join(",", jars));
        return settings;
    }

    /** Fails with what to do when {@code master} is a standalone master that does not answer; other masters pass. */
    public static void requireReachable(String master)
    {
        StandaloneMaster.parse(master).ifPresent(cluster -> cluster.requireReachable(CONNECT_TIMEOUT));
    }

    /** Waits until the cluster gave the session an executor; stops the session and says why when it does not. */
    public static void awaitExecutor(SparkSession spark, String master)
    {
        SparkContext context = spark.sparkContext();
        long timeoutSeconds = context.getConf().getTimeAsSeconds(EXECUTOR_TIMEOUT, DEFAULT_EXECUTOR_TIMEOUT);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        // the driver is listed among the executors, so one more means the first executor registered
        while (context.statusTracker().getExecutorInfos().length < 2) {
            if (context.isStopped()) {
                throw new PipelineException(PipelineErrorCode.RUN_FAILED, "Cannot run on " + master
                        + ": the master ended the application; check that it is a Spark " + spark.version() + " master and read its log");
            }
            if (System.nanoTime() > deadline) {
                String memory = context.getConf().get("spark.executor.memory", "1g");
                spark.stop();
                throw new PipelineException(PipelineErrorCode.RUN_FAILED, "Cannot run on " + master + ": no executor started within " + timeoutSeconds
                        + " s; check on the master's web UI that a worker is ALIVE with a free core and " + memory
                        + " of free memory (spark.executor.memory), or wait longer with --conf " + EXECUTOR_TIMEOUT + "=10min");
            }
            try {
                Thread.sleep(200);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                spark.stop();
                throw new PipelineException(PipelineErrorCode.RUN_FAILED, "Interrupted while waiting for an executor on " + master, e);
            }
        }
    }
}
