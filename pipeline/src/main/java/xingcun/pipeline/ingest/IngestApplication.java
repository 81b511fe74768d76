package xingcun.pipeline.ingest;

import org.apache.spark.sql.SparkSession;
import xingcun.pipeline.PipelineErrorCode;
import xingcun.pipeline.PipelineException;
import xingcun.pipeline.read.Inbox;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/**
 * The ingest as a Spark application, for clusters that have Spark installed: the same run as {@code xingcun ingest},
 * its master, jars and settings given by spark-submit.
 * <pre>
 * spark-submit --master spark://HOST:7077 cluster/target/xingcun-cluster-0.1.0.jar --inbox /shared/inbox --lake hdfs://nn:8020/xingcun/lake
 * </pre>
 * Exits 0 when the run committed, 2 for bad arguments or an unreadable inbox, 3 when the run failed and nothing was committed.
 */
public final class IngestApplication
{
    static final String USAGE = "usage: spark-submit [spark options] xingcun-cluster-0.1.0.jar --inbox DIR --lake DIR|URI";

    private IngestApplication() {}

    public static void main(String[] args)
    {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err)
    {
        try {
            Map<String, String> options = options(args);
            Path inbox = Path.of(options.get("--inbox"));
            Inbox.scan(inbox); // an unusable inbox is said before Spark starts
            SparkSession spark = IngestSessions.submitted();
            try {
                RunReport report = IngestJob.run(spark, new IngestOptions(inbox, options.get("--lake"), LocalDate.now(ZoneId.of("Asia/Shanghai")),
                        line -> err.println("xingcun: " + line + " …")));
                Counts total = report.total();
                out.printf("Run %s committed as snapshot %d: read %d, accepted %d, updated %d, duplicates %d, rejected %d; report %s/_runs/%s.json%n",
                        report.runId(), report.snapshotId(), total.read(), total.accepted(), total.updated(), total.duplicates(), total.rejected(),
                        report.lake(), report.runId());
                return 0;
            }
            finally {
                spark.stop();
            }
        }
        catch (PipelineException e) {
            err.println("xingcun: " + e.getMessage());
            return e.errorCode() == PipelineErrorCode.INVALID_ARGUMENT ? 2 : 3;
        }
        catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            err.println("xingcun: failed: " + message);
            return 3;
        }
    }

    private static Map<String, String> options(String[] args)
    {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!(args[i].equals("--inbox") || args[i].equals("--lake")) || i + 1 == args.length) {
                throw new PipelineException(PipelineErrorCode.INVALID_ARGUMENT, "Invalid argument " + args[i] + ": " + USAGE);
            }
            options.put(args[i], args[i + 1]);
        }
        for (String required : new String[] {"--inbox", "--lake"}) {
            if (!options.containsKey(required)) {
                throw new PipelineException(PipelineErrorCode.INVALID_ARGUMENT, "Missing " + required + ": " + USAGE);
            }
        }
        return options;
    }
}
