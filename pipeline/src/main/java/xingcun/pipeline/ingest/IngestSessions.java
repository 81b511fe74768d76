package xingcun.pipeline.ingest;

import org.apache.spark.sql.SparkSession;

/** Spark sessions tuned for a command-line ingest: no UI, few shuffle partitions, no event logs. */
public final class IngestSessions
{
    public static final String LOCAL = "local[*]";

    private IngestSessions() {}

    public static SparkSession create(String master)
    {
        return SparkSession.builder()
                .appName("xingcun-ingest")
                .master(master)
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                // the sample is tiny and a province-year is a few million rows: a handful of partitions per shuffle is enough
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.sql.adaptive.enabled", "true")
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS")
                .getOrCreate();
    }
}
