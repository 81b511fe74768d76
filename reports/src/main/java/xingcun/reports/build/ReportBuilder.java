package xingcun.reports.build;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import xingcun.reports.ReportErrorCode;
import xingcun.reports.ReportException;
import xingcun.reports.html.ReportPage;
import xingcun.warehouse.metrics.Metric;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Draws a compiled report and publishes it to a folder: index.html, charts/ID.svg and .png, data/ID.csv and
 * report.json. Everything is written to a staging folder beside the target first; only a report that passes its
 * checks replaces the target, so a reader never sees a half-written or failed report.
 */
public final class ReportBuilder
{
    public static final int CHART_WIDTH = 900;
    public static final int CHART_HEIGHT = 500;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ChartDrawer drawer;

    /** Publishes with the charts the drawer has drawn, or draws now those it was not given while the report was compiled. */
    public ReportBuilder(ChartDrawer drawer)
    {
        this.drawer = drawer;
    }

    /** What was published and how long the drawing took. */
    public record Published(Path folder, int charts, long drawMillis) {}

    public Published publish(ReportContent content, Path target)
    {
        checkTarget(target);
        long started = System.nanoTime();
        List<ChartFiles> drawn;
        Map<String, String> csvs = new LinkedHashMap<>();
        try {
            // the data CSVs (a province's run to a hundred thousand rows) are written out while the charts are drawn
            Map<String, Future<String>> pendingCsvs = new LinkedHashMap<>();
            for (ChartSection chart : content.charts()) {
                pendingCsvs.put(chart.id(), drawer.submit(() -> CsvFiles.csv(chart.allData().columns(), chart.allData().rows())));
            }
            for (TableSection table : content.tables()) {
                pendingCsvs.put(table.id(), drawer.submit(() -> CsvFiles.csv(table.columns(), table.allRows())));
            }
            drawn = drawer.drawn(content.charts());
            for (Map.Entry<String, Future<String>> csv : pendingCsvs.entrySet()) {
                csvs.put(csv.getKey(), csv.getValue().get());
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReportException(ReportErrorCode.RENDER_FAILED, "Interrupted while writing the data files", e);
        }
        catch (ExecutionException e) {
            throw new ReportException(ReportErrorCode.RENDER_FAILED, "Cannot write a data file: " + e.getCause().getMessage(), e.getCause());
        }
        long drawMillis = (System.nanoTime() - started) / 1_000_000;
        List<String> problems = new ArrayList<>();
        for (int index = 0; index < drawn.size(); index++) {
            problems.addAll(ReportChecks.problems(content.charts().get(index), drawn.get(index)));
        }
        if (!problems.isEmpty()) {
            throw new ReportException(ReportErrorCode.CHECK_FAILED, "Report not published, it failed its checks: " + String.join("; ", problems));
        }
        Path staging = target.resolveSibling("." + target.getFileName() + ".staging-" + ProcessHandle.current().pid());
        try {
            deleteTree(staging);
            Files.createDirectories(staging.resolve("charts"));
            Files.createDirectories(staging.resolve("data"));
            Map<String, String> options = new LinkedHashMap<>();
            for (ChartFiles files : drawn) {
                options.put(files.id(), files.optionJson());
                Files.writeString(staging.resolve("charts/" + files.id() + ".svg"), files.svg(), StandardCharsets.UTF_8);
                Files.write(staging.resolve("charts/" + files.id() + ".png"), files.png());
            }
            for (Map.Entry<String, String> csv : csvs.entrySet()) {
                Files.writeString(staging.resolve("data/" + csv.getKey() + ".csv"), csv.getValue(), StandardCharsets.UTF_8);
            }
            Files.writeString(staging.resolve("index.html"), ReportPage.html(content, options), StandardCharsets.UTF_8);
            JSON.writeValue(staging.resolve("report.json").toFile(), manifest(content, drawn));
            replace(staging, target);
        }
        catch (IOException e) {
            deleteQuietly(staging);
            throw new ReportException(ReportErrorCode.RENDER_FAILED, "Cannot write report to " + target + ": " + e.getMessage(), e);
        }
        return new Published(target, drawn.size(), drawMillis);
    }

    /** A folder we may replace: missing, empty, or a report we wrote before (it has report.json). Say so before drawing. */
    public static void checkTarget(Path target)
    {
        if (Files.isRegularFile(target)) {
            throw new ReportException(ReportErrorCode.INVALID_ARGUMENT, "Cannot write report to " + target + ": it is a file; give a folder");
        }
        if (Files.isDirectory(target) && !Files.exists(target.resolve("report.json"))) {
            try (Stream<Path> entries = Files.list(target)) {
                if (entries.findAny().isPresent()) {
                    throw new ReportException(ReportErrorCode.INVALID_ARGUMENT, "Cannot write report to " + target
                            + ": the folder holds other files; give an empty or new folder (a previous report there is replaced)");
                }
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static Map<String, Object> manifest(ReportContent content, List<ChartFiles> drawn)
    {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("kind", content.definition().kind());
        manifest.put("title", content.title());
        manifest.put("language", content.request().language().id());
        manifest.put("subject", content.subject().name());
        content.subject().communityCode().ifPresent(code -> manifest.put("community_code", code));
        content.subject().talentId().ifPresent(talent -> manifest.put("talent_id", talent));
        manifest.put("period", Map.of("label", content.request().period().label(),
                "from", content.request().period().from().toString(), "to", content.request().period().to().toString()));
        manifest.put("generated_at", content.generatedAt().toOffsetDateTime().toString());
        manifest.put("lake", Map.of("snapshot", content.snapshot().id(), "runs", content.snapshot().runs()));
        List<Map<String, Object>> metrics = new ArrayList<>();
        for (Metric metric : content.metrics()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", metric.id());
            entry.put("name_zh", metric.nameChinese());
            entry.put("name_en", metric.nameEnglish());
            entry.put("definition_zh", metric.definitionChinese());
            entry.put("definition_en", metric.definitionEnglish());
            entry.put("unit", metric.unit());
            metrics.add(entry);
        }
        manifest.put("metrics", metrics);
        List<Map<String, Object>> charts = new ArrayList<>();
        for (int index = 0; index < drawn.size(); index++) {
            ChartSection chart = content.charts().get(index);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", chart.id());
            entry.put("chart", chart.kind().id());
            entry.put("title", chart.title());
            entry.put("metrics", chart.metricIds());
            entry.put("rows", chart.allData().rows().size());
            if (chart.data().rows().size() != chart.allData().rows().size()) {
                entry.put("rows_drawn", chart.data().rows().size());
            }
            chart.expectedTotal().ifPresent(total -> entry.put("total", total));
            entry.put("svg", "charts/" + chart.id() + ".svg");
            entry.put("png", "charts/" + chart.id() + ".png");
            entry.put("data", "data/" + chart.id() + ".csv");
            entry.put("svg_ms", drawn.get(index).svgMillis());
            entry.put("png_ms", drawn.get(index).pngMillis());
            charts.add(entry);
        }
        manifest.put("charts", charts);
        List<Map<String, Object>> tables = new ArrayList<>();
        for (TableSection table : content.tables()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", table.id());
            entry.put("title", table.title());
            entry.put("data", "data/" + table.id() + ".csv");
            entry.put("rows", table.allRows().size());
            if (table.rows().size() != table.allRows().size()) {
                entry.put("rows_shown", table.rows().size());
            }
            tables.add(entry);
        }
        manifest.put("tables", tables);
        manifest.put("checks", List.of("every chart with numbers drew them", "every character of every chart has a glyph in " + xingcun.reports.chart.ChartFont.FAMILY,
                "every chart of an additive metric adds up to the metric's total"));
        return manifest;
    }

    private static void replace(Path staging, Path target)
            throws IOException
    {
        Path old = target.resolveSibling("." + target.getFileName() + ".old-" + ProcessHandle.current().pid());
        if (Files.exists(target)) {
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (IOException e) {
            // put the previous report back: a failed publish must leave what readers had
            if (Files.exists(old) && !Files.exists(target)) {
                Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
            }
            if (e instanceof FileAlreadyExistsException) {
                throw new IOException("another process wrote " + target + " at the same time", e);
            }
            throw e;
        }
        deleteTree(old);
    }

    private static void deleteQuietly(Path folder)
    {
        try {
            deleteTree(folder);
        }
        catch (IOException ignored) {
            // the staging folder is named after this process and is cleared by its next run
        }
    }

    private static void deleteTree(Path folder)
            throws IOException
    {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
