package xingcun.cli;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xingcun.reports.HeadlessChromium;
import xingcun.warehouse.Warehouse;
import xingcun.warehouse.metrics.MetricCatalog;
import xingcun.warehouse.metrics.MetricEngine;
import xingcun.warehouse.metrics.MetricQuery;
import xingcun.warehouse.metrics.ReportingPeriod;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** xingcun notebook on the sample lake: every shipped notebook run, opened in Chromium and checked against the warehouse. */
class NotebookCommandTest
{
    private static final List<String> SHIPPED = List.of("2021-review", "projects-and-funds", "talent-compliance", "xihua-strawberry");
    private static final Pattern DRAWN_CHART = Pattern.compile("data-chart=\"c\\d+\"[^>]*><div[^>]*><svg");
    private static final Path SCREENSHOTS = Path.of("target", "notebook-screenshots");
    private static Path lake;

    @TempDir
    static Path shippedOut;

    @TempDir
    Path folder;

    @BeforeAll
    static void runTheShippedNotebooks()
    {
        assertThat(SampleLake.demo().exitCode()).as(SampleLake.demo().err()).isZero();
        lake = SampleLake.lake();
        for (String notebook : SHIPPED) {
            CommandLineTest.Result result = CommandLineTest.run("notebook", "run", notebook, "--lake", lake.toString(), "--out", shippedOut.toString());
            assertThat(result.exitCode()).as(notebook + ": " + result.err()).isZero();
            assertThat(result.err()).as(notebook).isEmpty();
            assertThat(result.out()).as(notebook).startsWith("Notebook written: " + shippedOut.resolve(notebook + ".html").toAbsolutePath().normalize() + "\n")
                    .containsPattern("· \\d+ queries, \\d+ charts, results in " + notebook + "/\\*\\.csv\n")
                    .containsPattern("Time: [0-9.]+ s — warehouse open [0-9.]+ s, cells [0-9.]+ s\n");
        }
    }

    @Test
    void everyShippedNotebookRendersOfflineWithEveryChartDrawn()
            throws Exception
    {
        for (String notebook : SHIPPED) {
            Path page = shippedOut.resolve(notebook + ".html");
            String html = Files.readString(page, StandardCharsets.UTF_8);
            int charts = count(Pattern.compile("<div class=\"chart chart-").matcher(html));
            assertThat(charts).as(notebook + " charts").isGreaterThanOrEqualTo(2);
            assertThat(html).as(notebook).doesNotContain("class=\"error\"", "无数据")
                    .doesNotContainPattern("(src|href)\\s*=\\s*[\"']?(https?:)?//");

            HeadlessChromium.Page opened = HeadlessChromium.open(page);

            assertThat(opened.console()).as(notebook + " console").isEmpty();
            assertThat(count(DRAWN_CHART.matcher(opened.dom()))).as(notebook + ": chart containers holding a drawn chart").isEqualTo(charts);
            HeadlessChromium.screenshot(page, SCREENSHOTS.resolve(notebook + ".png"), 1280, 2400);
        }
    }

    @Test
    void theReviewAndTheProjectsAgreeWithTheMetricCatalog()
            throws Exception
    {
        try (Warehouse warehouse = Warehouse.open(lake)) {
            MetricEngine engine = new MetricEngine(warehouse, MetricCatalog.load());
            ReportingPeriod year = ReportingPeriod.parse("2021");
            CSVRecord headline = csv("2021-review/headline.csv").get(0);
            assertThat(Double.parseDouble(headline.get("技术指导人次"))).isEqualTo(metric(engine, "field_guidance_person_times", year, Optional.empty())).isEqualTo(148);
            assertThat(Double.parseDouble(headline.get("专题培训次数"))).isEqualTo(metric(engine, "trainings_held", year, Optional.empty()));
            assertThat(Double.parseDouble(headline.get("培训人次"))).isEqualTo(metric(engine, "trainee_person_times", year, Optional.empty()));
            assertThat(Double.parseDouble(headline.get("驻村服务天数"))).isEqualTo(metric(engine, "on_site_service_days", year, Optional.empty()));
            List<CSVRecord> months = csv("2021-review/guidance_by_month.csv");
            assertThat(months).hasSize(12);
            assertThat(months.get(0).get("月份")).isEqualTo("2021-01");
            assertThat(months.stream().mapToDouble(row -> Double.parseDouble(row.get("技术指导人次"))).sum()).isEqualTo(148);

            ReportingPeriod cycle = ReportingPeriod.between("2021-01-01", "2022-06-30");
            List<CSVRecord> funds = csv("projects-and-funds/funds_by_subdistrict.csv");
            assertThat(funds.stream().mapToDouble(row -> Double.parseDouble(row.get("到位资金_元"))).sum())
                    .isEqualTo(metric(engine, "funds_in_place_yuan", cycle, Optional.empty())).isEqualTo(1_050_000);
            assertThat(funds.stream().mapToDouble(row -> Double.parseDouble(row.get("意向资金_元"))).sum())
                    .isEqualTo(metric(engine, "funds_intended_yuan", cycle, Optional.empty())).isEqualTo(1_000_000_000);
            assertThat(csv("projects-and-funds/pipeline.csv")).extracting(row -> row.get("阶段") + "=" + row.get("项目数"))
                    .containsExactly("洽谈对接=54", "意向签约=35", "落地=22");

            String xihua = engine.resolveCommunity("西华");
            List<CSVRecord> outputValue = csv("xihua-strawberry/output_value_by_community.csv");
            assertThat(outputValue.get(0).get("社区")).isEqualTo("西华");
            assertThat(Double.parseDouble(outputValue.get(0).get("产值_元"))).isEqualTo(metric(engine, "output_value_yuan", cycle, Optional.of(xihua))).isEqualTo(138_200_000);
            assertThat(csv("xihua-strawberry/studio_outputs.csv")).hasSize(14);
            assertThat(csv("xihua-strawberry/studio_outputs_by_type.csv")).extracting(row -> row.get("成果类型") + "=" + row.get("件数"))
                    .containsExactly("新品种=6", "实用新型专利=4", "企业标准=2", "外观设计专利=1", "软件著作权=1");
        }
        assertThat(shippedOut.resolve("2021-review.html")).content(StandardCharsets.UTF_8).contains("2021年“万名人才兴万村”工作回顾", "<td class=\"num\">148</td>", "1,774");
    }

    @Test
    void talentComplianceSaysWhoIsBehindAndByHowMuch()
            throws Exception
    {
        assertThat(csv("talent-compliance/behind_on_days.csv")).extracting(row -> row.get("人才编号") + " " + row.get("社区") + " " + row.get("驻村天数") + " " + row.get("差额天数"))
                .containsExactly("XS2021022 大兴 22 8", "XS2021016 云龙 26 4", "XS2021034 乐亩 28.5 1.5");
        assertThat(csv("talent-compliance/behind_on_mechanisms.csv")).extracting(row -> row.get("人才编号") + " " + row.get("季度") + " " + row.get("缺少的机制"))
                .contains("XS2021022 2022Q1 联席会议、目标分析", "XS2021034 2021Q2 联席会议、目标分析、进度汇报、深度走访").hasSize(5);
        assertThat(csv("talent-compliance/days_by_subdistrict.csv")).extracting(row -> row.get("街道") + " " + row.get("达标人数") + "/" + row.get("人才数"))
                .containsExactly("碧鸡街道 8/8", "海口街道 10/11", "团结街道 14/16");

        Path out = folder.resolve("tuanjie");
        CommandLineTest.Result result = CommandLineTest.run("notebook", "run", "talent-compliance", "--lake", lake.toString(), "--out", out.toString(),
                "--param", "subdistrict=团结街道");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(csv(out.resolve("talent-compliance/behind_on_days.csv"))).extracting(row -> row.get("人才编号")).containsExactly("XS2021022", "XS2021034");
        assertThat(out.resolve("talent-compliance.html")).content(StandardCharsets.UTF_8).contains("团结街道 <span class=\"origin\">--param</span>");
    }

    @Test
    void noShippedNotebookShowsPersonalData()
            throws Exception
    {
        List<String> names;
        try (Warehouse warehouse = Warehouse.open(lake)) {
            names = warehouse.runUserQuery("select talent_name from dim_talent").rows().stream().map(row -> (String) row.get(0)).toList();
        }
        assertThat(names).hasSize(35);
        try (Stream<Path> files = Files.walk(shippedOut)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                if (file.toString().endsWith(".csv")) {
                    assertThat(text.lines().findFirst().orElseThrow()).as(file + " columns").doesNotContain("talent_name", "_hash", "phone", "id_number", "姓名", "电话", "身份证");
                }
                assertThat(text).as(file.toString()).doesNotContain(names.toArray(String[]::new))
                        .doesNotContainPattern("(?<![\\d.])1[3-9]\\d{9}(?![\\d.])"); // a mobile number
            }
        }
    }

    @Test
    void aParameterHoldingSqlIsOnlyAValue()
            throws Exception
    {
        Path out = folder.resolve("hostile");
        String hostile = "团结街道' or '1'='1";
        CommandLineTest.Result result = CommandLineTest.run("notebook", "run", "talent-compliance", "--lake", lake.toString(), "--out", out.toString(),
                "--param", "subdistrict=" + hostile);
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(csv(out.resolve("talent-compliance/behind_on_days.csv"))).isEmpty();
        assertThat(csv(out.resolve("talent-compliance/days_by_subdistrict.csv"))).isEmpty();
        assertThat(out.resolve("talent-compliance.html")).content(StandardCharsets.UTF_8).contains("团结街道&#x27; or &#x27;1&#x27;&#x3D;&#x27;1");
    }

    @Test
    void aBrokenNotebookNamesEachFailedCellAndRendersTheRest()
            throws Exception
    {
        Path notebook = Files.writeString(folder.resolve("broken.md"), """
                ---
                title: 坏了两格
                parameters:
                  from:
                    default: 2021-01-01
                    description: 第一天
                ---

                ```sql guidance
                select subdistrict_name as 街道, count(*) as 人次
                from fct_service_logs
                where is_field_guidance and service_on >= :from
                group by all
                order by 街道
                ```

                ```sql broken
                select cast('x' as integer) as 人次
                ```

                ```chart
                type: bar
                data: guidance
                x: 社区
                y: 人次
                title: 各社区人次
                ```

                ```chart
                type: bar
                data: guidance
                x: 街道
                y: 人次
                title: 各街道人次
                ```
                """);
        Path out = folder.resolve("broken-out");
        CommandLineTest.Result result = CommandLineTest.run("notebook", "run", notebook.toString(), "--lake", lake.toString(), "--out", out.toString());

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).isEqualTo("""
                xingcun: query broken (line 17) failed: Conversion Error: Could not convert string 'x' to INT32 LINE 1: select cast('x' as integer) as 人次 ^^^^^^^^^^^^^^^^^^^^
                xingcun: chart "各社区人次" (line 21) failed: Invalid chart: result guidance has no column 社区; its columns are: 街道, 人次
                """);
        assertThat(result.out()).contains("Notebook written: " + out.resolve("broken.html").toAbsolutePath().normalize(), "2 queries, 2 charts, results in broken/*.csv; 2 cells failed");
        assertThat(csv(out.resolve("broken/guidance.csv"))).hasSize(3);
        assertThat(out.resolve("broken/broken.csv")).doesNotExist();
        String html = Files.readString(out.resolve("broken.html"), StandardCharsets.UTF_8);
        assertThat(html).contains("2 个单元失败", "查询失败", "Conversion Error", "图表失败", "<td>碧鸡街道</td>", "各街道人次");

        HeadlessChromium.Page opened = HeadlessChromium.open(out.resolve("broken.html"));
        assertThat(opened.console()).isEmpty();
        assertThat(count(DRAWN_CHART.matcher(opened.dom()))).as("the good chart is drawn").isEqualTo(1);
    }

    @Test
    void badArgumentsAreOneLineAndExitTwo()
            throws Exception
    {
        String out = folder.resolve("x").toString();
        assertError("xingcun: Unknown parameter year for notebook talent-compliance; it takes: from, to, subdistrict\n",
                "notebook", "run", "talent-compliance", "--lake", lake.toString(), "--out", out, "--param", "year=2021");
        assertError("xingcun: Invalid --param from=2021-13-01: give a date such as 2021-01-01\n",
                "notebook", "run", "talent-compliance", "--lake", lake.toString(), "--out", out, "--param", "from=2021-13-01");
        assertError("xingcun: Invalid --param subdistrict: write KEY=VALUE, e.g. --param community=西华\n",
                "notebook", "run", "talent-compliance", "--lake", lake.toString(), "--out", out, "--param", "subdistrict");
        assertError("xingcun: Cannot read notebook notebooks/nope.md: no such file; xingcun notebook list shows the shipped ones\n",
                "notebook", "run", "notebooks/nope.md", "--lake", lake.toString(), "--out", out);
        Path required = Files.writeString(folder.resolve("required.md"), "---\ntitle: t\nparameters:\n  community:\n    description: 社区名称，如 西华\n---\n");
        assertError("xingcun: Missing parameter community for notebook required: give --param community=… (社区名称，如 西华)\n",
                "notebook", "run", required.toString(), "--lake", lake.toString(), "--out", out);
        Path file = Files.writeString(folder.resolve("a-file"), "x");
        assertError("xingcun: Cannot write notebook to " + file + ": it is a file; give a folder\n",
                "notebook", "run", "2021-review", "--lake", lake.toString(), "--out", file.toString());
    }

    @Test
    void listShowsTheShippedNotebooksWithTheirParameters()
    {
        CommandLineTest.Result result = CommandLineTest.run("notebook", "list");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("notebooks/2021-review.md  2021年“万名人才兴万村”工作回顾\n"
                        + "    --param from=2021-01-01  统计期第一天 · first day of the period\n")
                .contains("notebooks/talent-compliance.md  人才履职合规\n", "    --param subdistrict=  只看一个街道",
                        "notebooks/xihua-strawberry.md", "    --param community=西华  ", "notebooks/projects-and-funds.md")
                .doesNotContain("README");
    }

    private static double metric(MetricEngine engine, String id, ReportingPeriod period, Optional<String> community)
    {
        return engine.compute(new MetricQuery(List.of(id), period, List.of(), community)).get(0).value();
    }

    private static List<CSVRecord> csv(String file)
            throws IOException
    {
        return csv(shippedOut.resolve(file));
    }

    private static List<CSVRecord> csv(Path file)
            throws IOException
    {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            assertThat((char) reader.read()).as("byte-order mark for Excel").isEqualTo('\uFEFF');
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }

    private static int count(Matcher matcher)
    {
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    private static void assertError(String message, String... arguments)
    {
        CommandLineTest.Result result = CommandLineTest.run(arguments);
        assertThat(result.err()).isEqualTo(message);
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
    }
}
