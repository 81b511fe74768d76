package xingcun.pipeline.ingest;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import xingcun.pipeline.cluster.ClusterSessions;

import java.util.Map;

/** Spark sessions tuned for an ingest: few shuffle partitions, UTC; for the command line also no UI and no event logs. */
public final class IngestSessions
{
    public static final String LOCAL = "local[*]";

    private static final Map<String, String> TUNING = Map.of(
            // the sample is tiny and a province-year is a few million rows: a handful of partitions per shuffle is enough
            "spark.sql.shuffle.partitions", "4",
            // adaptive execution off: every join that could be a broadcast is one by our hint, and 4 shuffle partitions
            // leave nothing to coalesce, while re-planning each stage of each of a run's ≈ 70 queries cost driver time
            // and compilation (province, alternating: 98.4 / 96.0 s off against 106.7 / 104.6 s on; 175 s of CPU against
            // 188 s). `--conf spark.sql.adaptive.enabled=true` brings it back
            "spark.sql.adaptive.enabled", "false",
            // a run's rows are cached once between its tally and its writes, as whole rows, not columns: see
            // RowCacheSerializer
            "spark.sql.cache.serializer", RowCacheSerializer.class.getName(),
            // for a run that chooses Spark's columnar cache back (--conf spark.sql.cache.serializer=…): compressing it
            // cost a quarter of the ingest's CPU (dictionary statistics per column) to save memory the run gives back
            // minutes later
            "spark.sql.inMemoryColumnarStorage.compressed", "false",
            // a year-partitioned write keeps one Parquet writer open per year a task meets instead of sorting every
            // row by year first (a full sort of the family, spilling on a 2 GB heap); past 8 years a task sorts the rest
            "spark.sql.maxConcurrentOutputFileWriters", "8",
            // the families a run stages at once share the cores: each family's jobs run in a pool of their own
            // (IngestJob), and a free core goes to the pool running the fewest tasks, not to the job that came first,
            // so a small family, or one others wait for, is not queued behind a big family's tasks
            "spark.scheduler.mode", "FAIR",
            "spark.sql.session.timeZone", "UTC",
            "spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS",
            // the cleaner removes a shuffle's files once its query is gone; by default it does not wait for that, and a
            // removal still running when Spark stops made Spark's block manager print two stack traces after a
            // committed run (RejectedExecutionException from its stopped thread pool). Waiting costs the cleaner's own
            // thread only; the blocking removal of broadcasts and cached rows is Spark's default already
            "spark.cleaner.referenceTracking.blocking.shuffle", "true");
    private static final Map<String, String> COMMAND_LINE = Map.of(
            "spark.ui.enabled", "false",
            "spark.ui.showConsoleProgress", "false");

    private IngestSessions() {}

    public static SparkSession create(String master)
    {
        return create(master, Map.of());
    }

    /**
     * A session on {@code master}: local[N], or a cluster whose executors get this application's jars. The user's
     * settings (spark.executor.memory, spark.hadoop.* …) win over ours; spark.jars is added to, not replaced.
     */
    public static SparkSession create(String master, Map<String, String> settings)
    {
        boolean cluster = ClusterSessions.isCluster(master);
        SparkSession.Builder builder = SparkSession.builder().appName("xingcun-ingest").master(master);
        TUNING.forEach(builder::config);
        COMMAND_LINE.forEach(builder::config);
        settings.forEach(builder::config);
        if (cluster) {
            ClusterSessions.settings(master, settings).forEach(builder::config);
        }
        SparkSession spark = builder.getOrCreate();
        if (cluster) {
            ClusterSessions.awaitExecutor(spark, master);
        }
        return spark;
    }

    /**
     * A session under spark-submit, which gives the master, the application jar and the user's settings as system
     * properties: our tuning fills only what it leaves unset.
     */
    public static SparkSession submitted()
    {
        SparkConf conf = new SparkConf();
        conf.setIfMissing("spark.app.name", "xingcun-ingest");
        TUNING.forEach(conf::setIfMissing);
        return SparkSession.builder().config(conf).getOrCreate();
    }
}
