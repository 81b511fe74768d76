package xingcun.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import xingcun.reports.ReportErrorCode;
import xingcun.reports.ReportException;
import xingcun.reports.build.ChartDrawer;
import xingcun.reports.build.ReportBuilder;
import xingcun.reports.build.ReportCompiler;
import xingcun.reports.build.ReportContent;
import xingcun.reports.build.ReportRequest;
import xingcun.reports.chart.ChartRenderer;
import xingcun.reports.definition.ReportDefinitions;
import xingcun.warehouse.Warehouse;
import xingcun.warehouse.metrics.MetricCatalog;
import xingcun.warehouse.metrics.ReportingPeriod;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.Callable;

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

    /**
     * Compiles, draws, checks and publishes one report, saying where it is and where the time went. The chart engine
     * starts, and each chart is drawn as soon as the compiler has its numbers, on a thread of its own beside the
     * warehouse and its queries (see ChartDrawer).
     */
    static Path publish(CommandSpec spec, Path lake, ReportRequest request, Path out, ReportDefinitions definitions)
    {
        var err = spec.commandLine().getErr();
        ReportBuilder.checkTarget(out);
        long started = System.nanoTime();
        try (ChartDrawer drawer = new ChartDrawer(ChartRenderer::shared, request.language())) {
            ReportContent content;
            try (Warehouse warehouse = Warehouse.open(lake)) {
                content = new ReportCompiler(warehouse, MetricCatalog.load(), definitions, Clock.system(ZoneId.of("Asia/Shanghai"))).compile(request, drawer::draw);
            }
            long compiled = System.nanoTime();
            err.println("xingcun: " + content.charts().size() + " charts to draw (the chart engine starts once, a few seconds) …");
            ReportBuilder.Published published = new ReportBuilder(drawer).publish(content, out);
            long done = System.nanoTime();
            var stdout = spec.commandLine().getOut();
            Path index = out.resolve("index.html").toAbsolutePath().normalize();
            stdout.printf("Report written: %s%n", index);
            stdout.printf("%s · %d charts (charts/*.svg, *.png), data/*.csv, report.json%n", content.title(), published.charts());
            // the engine's start and the charts run beside the queries: the parts add up to more than the whole
            stdout.printf("Time: %.1f s — warehouse and queries %.1f s, chart engine start %.1f s, charts %.1f s (%.0f ms each), beside the queries; %.1f s after them%n",
                    (done - started) / 1e9, (compiled - started) / 1e9, drawer.engineMillis() / 1e3, drawer.drawingMillis() / 1e3,
                    published.charts() == 0 ? 0.0 : (double) drawer.drawingMillis() / published.charts(), (done - compiled) / 1e9);
            return index;
        }
    }
}
