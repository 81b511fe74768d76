package xingcun.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import xingcun.reports.ReportErrorCode;
import xingcun.reports.ReportException;
import xingcun.reports.build.ChartDrawing;
import xingcun.reports.build.ReportBuilder;
import xingcun.reports.build.ReportCompiler;
import xingcun.reports.build.ReportContent;
import xingcun.reports.build.ReportRequest;
import xingcun.reports.chart.ChartKind;
import xingcun.reports.chart.ChartRenderer;
import xingcun.reports.definition.ReportDefinitions;
import xingcun.reports.definition.Section;
import xingcun.warehouse.Warehouse;
import xingcun.warehouse.metrics.MetricCatalog;
import xingcun.warehouse.metrics.ReportingPeriod;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Writes a report as one offline HTML file with its charts (SVG, PNG at 2x), the numbers behind them (CSV) and report.json.",
                "Kinds (reports/definitions/KIND.yml): annual, quarterly, monthly, community (一村一档, with --community), talent (人才考评, with --talent).",
                "A report that fails its own checks (empty chart, missing glyph, a total that disagrees with its metric) is not published: exit 4."})
final class ReportCommand
        implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Option(names = "--lake", required = true, paramLabel = "DIR", description = "Lake folder written by xingcun ingest.")
    private Path lake;

    @Option(names = "--kind", required = true, paramLabel = "KIND", description = "annual, quarterly, monthly, community or talent.")
    private String kind;

    @Option(names = "--period", required = true, paramLabel = "P", description = "A year (2021), quarter (2021Q3) or month (2021-07), as the kind asks.")
    private String period;

    @Option(names = "--community", paramLabel = "CODE_OR_NAME", description = "The community of a community report (12-digit code or name such as 西华).")
    private String community;

    @Option(names = "--talent", paramLabel = "ID", description = "The talent of a talent scorecard, e.g. XS2021002.")
    private String talent;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write (a previous report there is replaced).")
    private Path out;

    @Option(names = "--lang", defaultValue = "zh", paramLabel = "LANG", description = "zh (default) or en.")
    private String language;

    @Option(names = "--definitions", paramLabel = "DIR", description = "Use the report definitions (KIND.yml, queries/) in DIR instead of the installation's reports/definitions.")
    private Path definitionsFolder;

    @Override
    public Integer call()
    {
        ReportRequest request = new ReportRequest(kind, ReportingPeriod.parse(period), LanguageOption.parse(language), Optional.ofNullable(community), Optional.ofNullable(talent));
        if (definitionsFolder != null && !Files.isDirectory(definitionsFolder)) {
            throw new ReportException(ReportErrorCode.INVALID_ARGUMENT, "Cannot read definitions from " + definitionsFolder + ": not a folder");
        }
        publish(spec, lake, request, out, definitionsFolder == null ? ReportDefinitions.installed() : ReportDefinitions.in(definitionsFolder));
        return ExitCodes.OK;
    }

    /** Compiles, draws, checks and publishes one report, saying where it is and where the time went. */
    static Path publish(CommandSpec spec, Path lake, ReportRequest request, Path out, ReportDefinitions definitions)
    {
        var err = spec.commandLine().getErr();
        ReportBuilder.checkTarget(out);
        long started = System.nanoTime();
        AtomicBoolean compiled = new AtomicBoolean();
        startChartEngine(definitions, request, compiled);
        try (Warehouse warehouse = Warehouse.open(lake)) {
            ReportContent content;
            try {
                content = new ReportCompiler(warehouse, MetricCatalog.load(), definitions, Clock.system(ZoneId.of("Asia/Shanghai"))).compile(request);
            }
            finally {
                compiled.set(true);
            }
            long compiledAt = System.nanoTime();
            err.println("xingcun: " + content.charts().size() + " charts to draw (the chart engine starts once, a few seconds) …");
            ChartRenderer renderer = ChartRenderer.shared();
            long engineReady = System.nanoTime();
            ReportBuilder.Published published = new ReportBuilder(renderer).publish(content, out);
            long done = System.nanoTime();
            var stdout = spec.commandLine().getOut();
            Path index = out.resolve("index.html").toAbsolutePath().normalize();
            stdout.printf("Report written: %s%n", index);
            stdout.printf("%s · %d charts (charts/*.svg, *.png), data/*.csv, report.json%n", content.title(), published.charts());
            stdout.printf("Time: %.1f s — warehouse and queries %.1f s, chart engine start %.1f s, charts %.1f s (%.0f ms each)%n",
                    (done - started) / 1e9, (compiledAt - started) / 1e9, (engineReady - compiledAt) / 1e9, published.drawMillis() / 1e3,
                    published.charts() == 0 ? 0.0 : (double) published.drawMillis() / published.charts());
            return index;
        }
    }

    /**
     * Starts the chart engine (seconds of loading and evaluating ECharts) beside the warehouse and its queries, which
     * leave the other core mostly idle, then draws a throwaway chart of each kind the report has until the report is
     * compiled: by then the engine is ready and has met every kind once. A start that fails here is retried, and its
     * error reported, when the charts ask for the engine; a definition that cannot be read is reported by the compiler.
     */
    private static void startChartEngine(ReportDefinitions definitions, ReportRequest request, AtomicBoolean compiled)
    {
        Thread starter = new Thread(() -> {
            try {
                List<ChartKind> kinds = definitions.load(request.kind()).sections().stream().map(Section::chart).filter(Objects::nonNull).toList();
                ChartDrawing.warmUp(ChartRenderer.shared(), kinds, request.language(), compiled::get);
            }
            catch (RuntimeException e) {
                // said, if it matters, by the compiler or by ChartRenderer.shared() when the charts are drawn
            }
        }, "xingcun-chart-engine");
        starter.setDaemon(true);
        starter.start();
    }
}
