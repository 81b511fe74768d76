package xingcun.pipeline.ingest;

import org.apache.spark.sql.SparkSession;

/** One small local SparkSession for a test class, configured like the command line's. */
final class SparkTestSession
{
    private SparkTestSession() {}

    static SparkSession start()
    {
        return IngestSessions.create("local[2]");
    }
}
