package xingcun.cli;

import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import xingcun.pipeline.PipelineErrorCode;
import xingcun.pipeline.PipelineException;
import xingcun.pipeline.cluster.ClusterSessions;
import xingcun.pipeline.ingest.IngestJob;
import xingcun.pipeline.ingest.IngestOptions;
import xingcun.pipeline.ingest.IngestSessions;
import xingcun.pipeline.ingest.RunReport;
import xingcun.pipeline.read.Inbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.Callable;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Loads an inbox of ledgers (CSV/TSV/XLSX/JSONL, UTF-8 or GBK) into the Parquet lake with Spark.",
                "Every row is accepted, updated, counted as a duplicate, or quarantined with its rule and file:row.",
                "Exit codes: 0 committed (even with rejections), 2 bad arguments or unreadable inbox, 3 run failed (nothing committed)."})
final class IngestCommand
        implements Callable<Integer>
{
    private static final Pattern MASTER = Pattern.compile("local(\\[(\\*|\\d+)(,\\d+)?])?|(spark|mesos|k8s)://.+|yarn");

    @Spec
    private CommandSpec spec;

    @Option(names = "--inbox", required = true, paramLabel = "DIR", description = "Inbox folder with one sub-folder per family (talents/, service_logs/ …).")
    private Path inbox;

    @Option(names = "--lake", required = true, paramLabel = "DIR", description = "Lake folder or Hadoop URI (file://, hdfs://, s3a://); created if missing.")
    private String lake;

    @Option(names = "--master", paramLabel = "URL", defaultValue = IngestSessions.LOCAL,
            description = "Spark master: local[*] (default) or spark://HOST:PORT for a cluster.")
    private String master;

    @Option(names = "--conf", paramLabel = "KEY=VALUE",
            description = {"A Spark setting, repeatable: spark.executor.memory=4g, spark.hadoop.fs.s3a.endpoint=…, spark.driver.host=ADDRESS.",
                    "See README, \"Running on a Spark cluster\"."})
    private Map<String, String> settings = new LinkedHashMap<>();

    @Override
    public Integer call()
    {
        ingest(spec, inbox, lake, master, settings);
        return ExitCodes.OK;
    }

    static RunReport ingest(CommandSpec spec, Path inbox, String lake, String master)
    {
        return ingest(spec, inbox, lake, master, Map.of());
    }

    static RunReport ingest(CommandSpec spec, Path inbox, String lake, String master, Map<String, String> settings)
    {
        var err = spec.commandLine().getErr();
        var out = spec.commandLine().getOut();
        // bad arguments are said before Spark takes seconds to start
        Inbox.scan(inbox);
        if (!MASTER.matcher(master).matches()) {
            throw new PipelineException(PipelineErrorCode.INVALID_ARGUMENT,
                    "Invalid --master " + master + ": use local[*], local[N] or spark://HOST:PORT (also yarn, k8s://…, mesos://…)");
        }
        settings.keySet().stream().filter(key -> !key.startsWith("spark.")).findFirst().ifPresent(key -> {
            throw new PipelineException(PipelineErrorCode.INVALID_ARGUMENT,
                    "Invalid --conf " + key + ": Spark settings start with spark. (spark.executor.memory=4g, spark.hadoop.fs.s3a.endpoint=…)");
        });
        Path localLake = lake.contains("://") ? null : Path.of(lake);
        if (localLake != null && Files.exists(localLake) && !Files.isDirectory(localLake)) {
            throw new PipelineException(PipelineErrorCode.INVALID_ARGUMENT, "Cannot use lake " + lake + ": it is a file, not a folder");
        }
        ClusterSessions.requireReachable(master);
        err.println("xingcun: starting Spark (" + master + ") …");
        long started = System.nanoTime();
        SparkSession spark = IngestSessions.create(master, settings);
        err.printf("xingcun: Spark ready in %.1f s%n", (System.nanoTime() - started) / 1e9);
        try {
            RunReport report = IngestJob.run(spark, new IngestOptions(inbox, lake, LocalDate.now(ZoneId.of("Asia/Shanghai")),
                    line -> err.println("xingcun: " + line + " …")));
            RunSummary.print(report, out, (System.nanoTime() - started) / 1_000_000);
            return report;
        }
        finally {
            spark.stop();
        }
    }
}
