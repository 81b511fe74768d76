package xingcun.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import xingcun.reports.ReportErrorCode;
import xingcun.reports.ReportException;
import xingcun.reports.build.ChartDrawing;
import xingcun.reports.build.ChartFiles;
import xingcun.reports.build.ChartSection;
import xingcun.reports.build.ReportChecks;
import xingcun.reports.build.ReportCompiler;
import xingcun.reports.build.ReportRequest;
import xingcun.reports.chart.ChartKind;
import xingcun.reports.chart.ChartRenderer;
import xingcun.reports.definition.Language;
import xingcun.reports.definition.ReportDefinitions;
import xingcun.warehouse.Warehouse;
import xingcun.warehouse.metrics.Metric;
import xingcun.warehouse.metrics.MetricCatalog;
import xingcun.warehouse.metrics.ReportingPeriod;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

@Command(name = "chart", mixinStandardHelpOptions = true,
        description = {"Exports one publicity chart of a metric as SVG or PNG, with a caption: source, data as of, and the metric's definition (口径).",
                "Drawn without a browser in the shipped Chinese font, so it looks the same on every machine."})
final class ChartCommand
        implements Callable<Integer>
{
    private static final Pattern SIZE = Pattern.compile("(\\d{2,4})x(\\d{2,4})");

    enum Format { svg, png }

    /** Sizes for where the chart goes: a vertical poster, a WeChat article image (16:9), an A4 page (landscape, 96 dpi). */
    enum Preset
    {
        poster(1080, 1440), wechat(1080, 608), a4(1123, 794);

        final int width;
        final int height;

        Preset(int width, int height)
        {
            this.width = width;
            this.height = height;
        }
    }

    @Spec
    private CommandSpec spec;

    @Option(names = "--lake", required = true, paramLabel = "DIR", description = "Lake folder written by xingcun ingest.")
    private Path lake;

    @Option(names = "--metric", required = true, paramLabel = "ID", description = "Metric id (xingcun metrics lists them).")
    private String metricId;

    @Option(names = "--by", split = ",", paramLabel = "DIM", description = "Cut by one dimension (bar, line, pie …) or two (stacked_bar, heatmap, treemap, sunburst); none draws the number.")
    private List<String> by = new ArrayList<>();

    @Option(names = "--chart", paramLabel = "KIND", description = "bar, horizontal_bar, stacked_bar, line, pie, doughnut, number, gauge, treemap, sunburst, funnel, heatmap (default: line by month, bar by one dimension, stacked_bar by two, number or gauge by none).")
    private String chart;

    @Option(names = "--period", required = true, paramLabel = "P", description = "A year (2021), quarter (2021Q3) or month (2021-07).")
    private String period;

    @Option(names = "--community", paramLabel = "CODE_OR_NAME", description = "Only this community.")
    private String community;

    @Option(names = "--format", paramLabel = "FORMAT", description = "svg or png (default: from the --out file's extension).")
    private Format format;

    @Option(names = "--size", paramLabel = "WxH", description = "Size in CSS pixels, e.g. 1200x675 (PNG is drawn at 2x).")
    private String size;

    @Option(names = "--preset", paramLabel = "PRESET", description = "poster (1080x1440), wechat (1080x608) or a4 (1123x794).")
    private Preset preset;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The .svg or .png file to write.")
    private Path out;

    @Option(names = "--lang", defaultValue = "zh", paramLabel = "LANG", description = "zh (default) or en.")
    private String language;

    @Override
    public Integer call()
            throws IOException
    {
        Language chartLanguage = LanguageOption.parse(language);
        Format fileFormat = fileFormat();
        int[] dimensions = dimensions();
        ReportRequest request = new ReportRequest("chart", ReportingPeriod.parse(period), chartLanguage, Optional.ofNullable(community), Optional.empty());
        try (Warehouse warehouse = Warehouse.open(lake)) {
            MetricCatalog catalog = MetricCatalog.load();
            Metric metric = catalog.find(metricId);
            ChartKind kind = chartKind(metric);
            if (by.size() != kind.dimensions() && !(kind.dimensions() == 0 && by.isEmpty())) {
                throw new ReportException(ReportErrorCode.INVALID_ARGUMENT, "Invalid --chart " + kind.id() + ": it draws " + kind.dimensions()
                        + " dimension(s); give that many with --by");
            }
            ChartSection section;
            try {
                section = new ReportCompiler(warehouse, catalog, ReportDefinitions.installed(), Clock.system(ZoneId.of("Asia/Shanghai")))
                        .chart(metricId, by, kind, request);
            }
            catch (IllegalArgumentException e) {
                throw new ReportException(ReportErrorCode.INVALID_ARGUMENT, "Invalid chart: " + e.getMessage());
            }
            String caption = caption(metric, warehouse, chartLanguage);
            ChartRenderer renderer = ChartRenderer.shared();
            ChartFiles files = ChartDrawing.draw(renderer, section, chartLanguage, dimensions[0], dimensions[1], Optional.of(caption));
            List<String> problems = ReportChecks.problems(section, files);
            if (!problems.isEmpty()) {
                throw new ReportException(ReportErrorCode.CHECK_FAILED, "Chart not written, it failed its checks: " + String.join("; ", problems));
            }
            if (out.toAbsolutePath().getParent() != null) {
                Files.createDirectories(out.toAbsolutePath().getParent());
            }
            if (fileFormat == Format.svg) {
                Files.writeString(out, files.svg(), StandardCharsets.UTF_8);
            }
            else {
                Files.write(out, files.png());
            }
        }
        spec.commandLine().getOut().println("Chart written: " + out.toAbsolutePath().normalize());
        return ExitCodes.OK;
    }

    private Format fileFormat()
    {
        if (Files.isDirectory(out)) {
            throw new ReportException(ReportErrorCode.INVALID_ARGUMENT, "Cannot write chart to " + out + ": it is a folder; give a file name ending .svg or .png");
        }
        if (format != null) {
            return format;
        }
        String name = out.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".svg")) {
            return Format.svg;
        }
        if (name.endsWith(".png")) {
            return Format.png;
        }
        throw new ReportException(ReportErrorCode.INVALID_ARGUMENT, "Cannot tell the format of " + out + ": name it .svg or .png, or give --format svg|png");
    }

    private int[] dimensions()
    {
        if (size != null && preset != null) {
            throw new ReportException(ReportErrorCode.INVALID_ARGUMENT, "Give either --size or --preset, not both");
        }
        if (preset != null) {
            return new int[] {preset.width, preset.height};
        }
        if (size == null) {
            return new int[] {Preset.wechat.width, Preset.wechat.height};
        }
        Matcher matcher = SIZE.matcher(size.strip());
        if (!matcher.matches() || Integer.parseInt(matcher.group(1)) < 200 || Integer.parseInt(matcher.group(2)) < 150) {
            throw new ReportException(ReportErrorCode.INVALID_ARGUMENT, "Invalid --size " + size + ": write WIDTHxHEIGHT in pixels, at least 200x150, e.g. 1200x675");
        }
        return new int[] {Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))};
    }

    private ChartKind chartKind(Metric metric)
    {
        if (chart != null) {
            try {
                return ChartKind.of(chart);
            }
            catch (IllegalArgumentException e) {
                throw new ReportException(ReportErrorCode.INVALID_ARGUMENT, e.getMessage());
            }
        }
        return switch (by.size()) {
            case 0 -> metric.unit().equals("ratio") ? ChartKind.GAUGE : ChartKind.NUMBER;
            case 1 -> by.get(0).equals("month") || by.get(0).equals("quarter") ? ChartKind.LINE : ChartKind.BAR;
            default -> ChartKind.STACKED_BAR;
        };
    }

    /** Source, data as of (the lake's latest run), and the 口径: what a publicity chart must say about itself. */
    private static String caption(Metric metric, Warehouse warehouse, Language language)
    {
        List<String> runs = warehouse.snapshot().runs();
        String asOf = runs.isEmpty() ? "—" : runDate(runs.get(runs.size() - 1));
        String definition = language.pick(metric.definitionChinese(), metric.definitionEnglish());
        return language.pick("数据来源：万名人才兴万村工作台账（xingcun）  数据截至：", "Source: 万名人才兴万村 ledgers (xingcun)   Data as of: ") + asOf
                + "\n" + language.pick("口径：", "Definition: ") + definition;
    }

    /** Run ids start with their UTC time, 20261128T121807Z-…: the date is what a reader needs. */
    private static String runDate(String run)
    {
        if (run.matches("\\d{8}T\\d{6}Z.*")) {
            // run ids are UTC; a reader in Kunming counts days in Beijing time
            return java.time.LocalDateTime.parse(run.substring(0, 15), java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss"))
                    .atZone(java.time.ZoneOffset.UTC).withZoneSameInstant(ZoneId.of("Asia/Shanghai")).toLocalDate().toString();
        }
        return run;
    }
}
