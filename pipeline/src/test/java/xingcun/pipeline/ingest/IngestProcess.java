package xingcun.pipeline.ingest;

import org.apache.spark.sql.SparkSession;

import java.nio.file.Path;
import java.time.LocalDate;

/** An ingest in a JVM of its own, for the test that kills one mid-run. Prints each progress line as it happens. */
public final class IngestProcess
{
    private IngestProcess() {}

    public static void main(String[] args)
    {
        SparkSession spark = SparkTestSession.start();
        IngestJob.run(spark, new IngestOptions(Path.of(args[0]), args[1], LocalDate.of(2026, 11, 28), line -> {
            System.out.println(line);
            System.out.flush();
        }));
        System.out.println("done");
        spark.stop();
    }
}
