package xingcun.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xingcun.reports.HeadlessChromium;
import xingcun.warehouse.Warehouse;
import xingcun.warehouse.metrics.MetricCatalog;
import xingcun.warehouse.metrics.MetricEngine;
import xingcun.warehouse.metrics.MetricQuery;
import xingcun.warehouse.metrics.ReportingPeriod;

import javax.imageio.ImageIO;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** xingcun report and xingcun chart on the sample lake: every report kind published, opened in Chromium, checked. */
class ReportCommandTest
{
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Screenshots stay in target/ for a person to look at after CI. */
    private static final Path SCREENSHOTS = Path.of("target", "report-screenshots");
    private static Path lake;

    @TempDir
    Path folder;

    @BeforeAll
    static void sampleLake()
    {
        assertThat(SampleLake.demo().exitCode()).as(SampleLake.demo().err()).isZero();
        lake = SampleLake.lake();
    }

    @Test
    void everyKindIsPublishedAndRendersOfflineInABrowser()
            throws Exception
    {
        List<List<String>> requests = List.of(
                List.of("--kind", "annual", "--period", "2021"),
                List.of("--kind", "quarterly", "--period", "2021Q3"),
                List.of("--kind", "monthly", "--period", "2021-07"),
                List.of("--kind", "community", "--community", "西华", "--period", "2021"),
                List.of("--kind", "talent", "--talent", "XS2021002", "--period", "2021"));
        for (List<String> request : requests) {
            String kind = request.get(1);
            Path out = folder.resolve(kind);
            List<String> arguments = new ArrayList<>(List.of("report", "--lake", lake.toString(), "--out", out.toString()));
            arguments.addAll(request);
            CommandLineTest.Result result = CommandLineTest.run(arguments.toArray(String[]::new));
            assertThat(result.exitCode()).as(kind + ": " + result.err()).isZero();
            assertThat(result.out()).contains("Report written: " + out.resolve("index.html").toAbsolutePath().normalize())
                    .containsPattern("Time: [0-9.]+ s — warehouse and queries [0-9.]+ s, chart engine start [0-9.]+ s, charts [0-9.]+ s \\([0-9]+ ms each\\)");

            JsonNode manifest = JSON.readTree(out.resolve("report.json").toFile());
            assertThat(manifest.get("kind").asText()).isEqualTo(kind);
            assertThat(manifest.get("lake").get("runs")).hasSize(1);
            assertThat(manifest.get("metrics")).allSatisfy(metric -> assertThat(metric.get("definition_zh").asText()).isNotBlank());
            int charts = manifest.get("charts").size();
            assertThat(charts).as(kind).isGreaterThanOrEqualTo(3);
            for (JsonNode chart : manifest.get("charts")) {
                assertThat(out.resolve(chart.get("svg").asText())).content(StandardCharsets.UTF_8).startsWith("<svg");
                BufferedImage png = ImageIO.read(out.resolve(chart.get("png").asText()).toFile());
                assertThat(png.getWidth()).isEqualTo(1800);
                assertThat(out.resolve(chart.get("data").asText())).content(StandardCharsets.UTF_8).startsWith("\uFEFF");
            }

            HeadlessChromium.Page page = HeadlessChromium.open(out.resolve("index.html"));
            assertThat(page.console()).as(kind + " console").isEmpty();
            Matcher drawn = Pattern.compile("data-chart=\"[a-z0-9_]+\"[^>]*><div[^>]*><svg").matcher(page.dom());
            int drawnCharts = 0;
            while (drawn.find()) {
                drawnCharts++;
            }
            assertThat(drawnCharts).as(kind + ": chart containers holding a drawn chart").isEqualTo(charts);
            HeadlessChromium.screenshot(out.resolve("index.html"), SCREENSHOTS.resolve(kind + ".png"), 1280, 2400);
            assertThat(ImageIO.read(SCREENSHOTS.resolve(kind + ".png").toFile()).getWidth()).isEqualTo(1280);
        }
        assertThat(folder.resolve("talent/index.html")).content(StandardCharsets.UTF_8)
                .contains("人才 XS2021002").doesNotContain("周金明");
    }

    @Test
    void theAnnualReportAgreesWithTheMetricCatalog()
            throws Exception
    {
        Path out = folder.resolve("annual");
        CommandLineTest.Result result = CommandLineTest.run("report", "--lake", lake.toString(), "--kind", "annual", "--period", "2021", "--out", out.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        double fieldGuidance;
        try (Warehouse warehouse = Warehouse.open(lake)) {
            fieldGuidance = new MetricEngine(warehouse, MetricCatalog.load())
                    .compute(new MetricQuery(List.of("field_guidance_person_times"), ReportingPeriod.parse("2021"), List.of(), Optional.empty())).get(0).value();
        }
        List<String> lines = Files.readAllLines(out.resolve("data/field_guidance_by_month.csv"), StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("\uFEFF月份,深入田间地头技术指导");
        assertThat(lines).hasSize(13).contains("2021-01,0");
        double sum = lines.stream().skip(1).mapToDouble(line -> Double.parseDouble(line.split(",")[1])).sum();
        assertThat(sum).isEqualTo(fieldGuidance);
        String html = Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8);
        assertThat(html).contains("2021年万名人才兴万村工作年度报告", (long) fieldGuidance + "人次", "指标口径");
        // nothing is loaded from elsewhere: no external script, style, image or font (ECharts' own code mentions URLs in strings)
        assertThat(html).doesNotContainPattern("(src|href)\\s*=\\s*[\"']?(https?:)?//").doesNotContain("@import", "url(http");
        JsonNode manifest = JSON.readTree(out.resolve("report.json").toFile());
        assertThat(manifest.get("period").get("from").asText()).isEqualTo("2021-01-01");
        assertThat(manifest.get("charts").findValuesAsText("id")).contains("project_pipeline", "service_days_heatmap", "service_days_by_community");
    }

    @Test
    void theEnglishReportIsWrittenInEnglish()
            throws Exception
    {
        Path out = folder.resolve("annual-en");
        CommandLineTest.Result result = CommandLineTest.run("report", "--lake", lake.toString(), "--kind", "annual", "--period", "2021", "--out", out.toString(), "--lang", "en");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(out.resolve("index.html")).content(StandardCharsets.UTF_8)
                .contains("<html lang=\"en\">", "annual report 2021", "On-site field guidance", "Metric definitions");
        assertThat(out.resolve("charts/ip_outputs_by_type.svg")).content(StandardCharsets.UTF_8).contains("Utility-model patents");
    }

    @Test
    void badRequestsAreOneLineAndExitTwo()
            throws Exception
    {
        String out = folder.resolve("r").toString();
        assertError(2, "xingcun: Unknown report kind weekly; use one of: annual, quarterly, monthly, community, talent\n",
                "report", "--lake", lake.toString(), "--kind", "weekly", "--period", "2021", "--out", out);
        assertError(2, "xingcun: Invalid period 2021Q3 for an annual report: give a year such as 2021\n",
                "report", "--lake", lake.toString(), "--kind", "annual", "--period", "2021Q3", "--out", out);
        assertError(2, "xingcun: A community report needs --community: a 12-digit code or a name such as 西华\n",
                "report", "--lake", lake.toString(), "--kind", "community", "--period", "2021", "--out", out);
        assertError(2, "xingcun: Unknown talent XS9999999; xingcun sql --lake … \"select talent_id, community_name from dim_talent\" lists them\n",
                "report", "--lake", lake.toString(), "--kind", "talent", "--talent", "XS9999999", "--period", "2021", "--out", out);
        assertError(2, "xingcun: Invalid language fr: use zh or en\n",
                "report", "--lake", lake.toString(), "--kind", "annual", "--period", "2021", "--out", out, "--lang", "fr");
        Path file = Files.writeString(folder.resolve("a-file"), "x");
        assertError(2, "xingcun: Cannot write report to " + file + ": it is a file; give a folder\n",
                "report", "--lake", lake.toString(), "--kind", "monthly", "--period", "2021-07", "--out", file.toString());
        Files.createDirectories(folder.resolve("busy"));
        Files.writeString(folder.resolve("busy/notes.txt"), "mine");
        assertError(2, "xingcun: Cannot write report to " + folder.resolve("busy") + ": the folder holds other files; give an empty or new folder (a previous report there is replaced)\n",
                "report", "--lake", lake.toString(), "--kind", "monthly", "--period", "2021-07", "--out", folder.resolve("busy").toString());
        assertThat(folder.resolve("busy/notes.txt")).hasContent("mine");
    }

    @Test
    void aReportThatFailsItsChecksIsNotPublished()
            throws Exception
    {
        Path definitions = Files.createDirectories(folder.resolve("definitions"));
        Files.writeString(definitions.resolve("monthly.yml"), """
                kind: monthly
                period: month
                title_zh: "{period}月报"
                sections:
                  - type: chart
                    id: guidance
                    chart: bar
                    metric: field_guidance_person_times
                    by: [subdistrict]
                    title_zh: 技术指导𠀀
                """);
        Path out = folder.resolve("not-published");
        assertError(4, "xingcun: 1 charts to draw (the chart engine starts once, a few seconds) …\nxingcun: Report not published, it failed its checks: chart guidance uses characters the font Xingcun Sans SC has no glyph for: 𠀀 (add them with reports/fonts/make-font-subset.sh)\n",
                "report", "--lake", lake.toString(), "--kind", "monthly", "--period", "2021-07", "--out", out.toString(), "--definitions", definitions.toString());
        assertThat(out).doesNotExist();
        try (var entries = Files.list(folder)) {
            assertThat(entries.map(path -> path.getFileName().toString())).noneMatch(name -> name.contains("staging"));
        }
    }

    @Test
    void aPublicityChartCarriesItsCaption()
            throws Exception
    {
        Path svg = folder.resolve("guidance.svg");
        CommandLineTest.Result result = CommandLineTest.run("chart", "--lake", lake.toString(), "--metric", "field_guidance_person_times", "--by", "subdistrict",
                "--period", "2021", "--preset", "wechat", "--out", svg.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("Chart written: " + svg.toAbsolutePath() + "\n");
        assertThat(svg).content(StandardCharsets.UTF_8).contains("width=\"1080\"", "height=\"608\"", "数据来源：万名人才兴万村工作台账（xingcun）", "数据截至：",
                "口径：服务类型为“技术指导”的服务日志条数", "碧鸡街道");

        Path funnel = folder.resolve("pipeline.svg");
        result = CommandLineTest.run("chart", "--lake", lake.toString(), "--metric", "projects_introduced", "--by", "status", "--chart", "funnel",
                "--period", "2021", "--out", funnel.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(funnel).content(StandardCharsets.UTF_8).contains("洽谈中", "意向签约", "已落地");

        Path png = folder.resolve("rate.png");
        result = CommandLineTest.run("chart", "--lake", lake.toString(), "--metric", "service_days_compliance_rate", "--period", "2021",
                "--size", "800x450", "--out", png.toString(), "--lang", "en");
        assertThat(result.exitCode()).as(result.err()).isZero();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1600);
        assertThat(image.getHeight()).isEqualTo(900);
    }

    @Test
    void badChartRequestsAreOneLineAndExitTwo()
    {
        String out = folder.resolve("c.png").toString();
        assertError(2, "xingcun: Give either --size or --preset, not both\n",
                "chart", "--lake", lake.toString(), "--metric", "trainings_held", "--period", "2021", "--size", "800x450", "--preset", "a4", "--out", out);
        assertError(2, "xingcun: Invalid --size 80x45: write WIDTHxHEIGHT in pixels, at least 200x150, e.g. 1200x675\n",
                "chart", "--lake", lake.toString(), "--metric", "trainings_held", "--period", "2021", "--size", "80x45", "--out", out);
        assertError(2, "xingcun: Cannot tell the format of " + folder.resolve("c.gif") + ": name it .svg or .png, or give --format svg|png\n",
                "chart", "--lake", lake.toString(), "--metric", "trainings_held", "--period", "2021", "--out", folder.resolve("c.gif").toString());
        assertError(2, "xingcun: Invalid --chart heatmap: it draws 2 dimension(s); give that many with --by\n",
                "chart", "--lake", lake.toString(), "--metric", "trainings_held", "--by", "month", "--chart", "heatmap", "--period", "2021", "--out", out);
        assertError(2, "xingcun: Invalid chart: a funnel draws the project stages: use --by status\n",
                "chart", "--lake", lake.toString(), "--metric", "projects_introduced", "--by", "community", "--chart", "funnel", "--period", "2021", "--out", out);
        assertError(2, "xingcun: Cannot write chart to " + folder + ": it is a folder; give a file name ending .svg or .png\n",
                "chart", "--lake", lake.toString(), "--metric", "trainings_held", "--period", "2021", "--out", folder.toString());
        assertError(2, "xingcun: Metric trainings_held cannot be cut by product; it can be cut by: subdistrict, community, talent, audience, month, quarter\n",
                "chart", "--lake", lake.toString(), "--metric", "trainings_held", "--by", "product", "--period", "2021", "--out", out);
    }

    private static void assertError(int exitCode, String message, String... arguments)
    {
        CommandLineTest.Result result = CommandLineTest.run(arguments);
        assertThat(result.err()).isEqualTo(message);
        assertThat(result.exitCode()).isEqualTo(exitCode);
        assertThat(result.out()).isEmpty();
    }
}
