package xingcun.cli;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import xingcun.warehouse.Warehouse;
import xingcun.warehouse.WarehouseErrorCode;
import xingcun.warehouse.WarehouseException;
import xingcun.warehouse.metrics.MetricCatalog;
import xingcun.warehouse.metrics.MetricEngine;
import xingcun.warehouse.metrics.MetricQuery;
import xingcun.warehouse.metrics.MetricValue;
import xingcun.warehouse.metrics.ReportingPeriod;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

@Command(name = "metrics", mixinStandardHelpOptions = true,
        description = {"Computes the program's metrics from the lake with DuckDB (no Spark): the headline set by default.",
                "Each value comes with the previous period's value and the change, unless cut by month or quarter."})
final class MetricsCommand
        implements Callable<Integer>
{
    enum Format { table, json, csv, xlsx }

    enum Language { zh, en }

    @Spec
    private CommandSpec spec;

    @Option(names = "--lake", required = true, paramLabel = "DIR", description = "Lake folder written by xingcun ingest.")
    private Path lake;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private PeriodOptions period;

    @Option(names = "--by", split = ",", paramLabel = "DIM", description = "Cut by: subdistrict, community, talent, product, output_type, audience, category, status, month, quarter (repeatable).")
    private List<String> dimensions = new ArrayList<>();

    @Option(names = "--community", paramLabel = "CODE_OR_NAME", description = "Only this community (12-digit code or name).")
    private String community;

    @Option(names = "--metric", split = ",", paramLabel = "ID", description = "Metric id (repeatable or comma-separated; default: the headline set).")
    private List<String> metricIds = new ArrayList<>();

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT", description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of the terminal.")
    private Path out;

    @Option(names = "--lang", defaultValue = "zh", paramLabel = "LANG", description = "Names in ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private Language language;

    static final class PeriodOptions
    {
        @Option(names = "--period", required = true, paramLabel = "P", description = "A year (2021), quarter (2021Q3) or month (2021-07).")
        String period;

        @ArgGroup(exclusive = false)
        Window window;
    }

    static final class Window
    {
        @Option(names = "--from", required = true, paramLabel = "DATE", description = "First day, e.g. 2021-01-01 (with --to).")
        String from;

        @Option(names = "--to", required = true, paramLabel = "DATE", description = "Last day, e.g. 2022-06-30 (with --from).")
        String to;
    }

    @Override
    public Integer call()
            throws IOException
    {
        OutputFiles.requireFolderExists(out);
        ReportingPeriod reportingPeriod = period.period != null ? ReportingPeriod.parse(period.period) : ReportingPeriod.between(period.window.from, period.window.to);
        // the catalog is read while the warehouse starts (DuckDB's start and the catalog's parsing each take a while)
        CompletableFuture<MetricCatalog> catalogRead = CompletableFuture.supplyAsync(MetricCatalog::load);
        List<MetricValue> values;
        try (Warehouse warehouse = Warehouse.open(lake)) {
            MetricCatalog catalog;
            try {
                catalog = catalogRead.join();
            }
            catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
            values = new MetricEngine(warehouse, catalog).compute(new MetricQuery(metricIds, reportingPeriod, dimensions, Optional.ofNullable(community)));
        }
        if (format == Format.xlsx) {
            if (out == null) {
                throw new WarehouseException(WarehouseErrorCode.INVALID_ARGUMENT, "Cannot write xlsx to the terminal: add --out FILE.xlsx");
            }
            MetricOutput output = new MetricOutput(dimensions, language == Language.en);
            XlsxOutput.write(out, reportingPeriod.label().replace("…", " to "), output.columns(), output.rows(values));
            spec.commandLine().getErr().println("xingcun: wrote " + values.size() + " values to " + out);
            return ExitCodes.OK;
        }
        StringWriter text = new StringWriter();
        try (PrintWriter writer = new PrintWriter(text)) {
            MetricOutput output = new MetricOutput(dimensions, language == Language.en);
            switch (format) {
                case table -> output.table(values, reportingPeriod, writer);
                case json -> output.json(values, reportingPeriod, writer);
                case csv -> output.csv(values, writer);
                case xlsx -> throw new IllegalStateException("xlsx is written above");
            }
        }
        if (out != null) {
            Files.writeString(out, text.toString(), StandardCharsets.UTF_8);
            spec.commandLine().getErr().println("xingcun: wrote " + values.size() + " values to " + out);
        }
        else {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
        }
        return ExitCodes.OK;
    }
}
