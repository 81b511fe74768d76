package xingcun.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xingcun.warehouse.Warehouse;
import xingcun.warehouse.metrics.MetricCatalog;
import xingcun.warehouse.metrics.MetricEngine;
import xingcun.warehouse.metrics.MetricQuery;
import xingcun.warehouse.metrics.MetricValue;
import xingcun.warehouse.metrics.ReportingPeriod;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's first command (`xingcun demo`) run once, then everything that reads its lake: the published
 * figures through the metric catalog, the metrics command's formats and errors, and the data tests.
 */
class SampleLakeTest
{
    private static CommandLineTest.Result demo;
    private static Path lake;
    @TempDir
    Path folder;

    @BeforeAll
    static void runTheDemo()
    {
        demo = SampleLake.demo();
        lake = SampleLake.lake();
    }

    @Test
    void demoIngestsTheSampleAndSaysWhereTheLakeIs()
            throws Exception
    {
        assertThat(demo.exitCode()).as(demo.err()).isZero();
        assertThat(demo.out()).containsPattern("total\\s+10\\s+1900\\s+1891\\s+0\\s+2\\s+7")
                .contains("Demo lake: " + lake.toAbsolutePath())
                .contains("date.invalid", "service_logs/2021年服务台账.csv:763")
                .contains("Annual report: " + SampleLake.folder().resolve("report-2021/index.html").toAbsolutePath());
        assertThat(SampleLake.folder().resolve("report-2021/charts/field_guidance_by_month.png")).isNotEmptyFile();
        assertThat(demo.err()).contains("xingcun: starting Spark (local[*]) …", "xingcun: talents: 35 rows in ");
        try (var runs = Files.list(lake.resolve("_runs"))) {
            assertThat(runs.count()).isEqualTo(1);
        }
    }

    @Test
    void reproducesEveryPublishedFigure()
    {
        Map<String, Double> figures = new HashMap<>();
        try (Warehouse warehouse = Warehouse.open(lake)) {
            for (MetricValue value : new MetricEngine(warehouse, MetricCatalog.load())
                    .compute(new MetricQuery(List.of(), ReportingPeriod.between("2021-01-01", "2022-06-30"), List.of(), Optional.empty()))) {
                figures.put(value.metric().id(), value.value());
            }
        }
        assertThat(figures).containsAllEntriesOf(Map.ofEntries(
                Map.entry("talents_dispatched", 35.0),
                Map.entry("field_guidance_person_times", 201.0),
                Map.entry("trainings_held", 145.0),
                Map.entry("trainee_person_times", 2695.0),
                Map.entry("large_grower_trainee_person_times", 2695.0),
                Map.entry("bottlenecks_solved", 8.0),
                Map.entry("utility_model_patents", 4.0),
                Map.entry("design_patents", 1.0),
                Map.entry("software_copyrights", 1.0),
                Map.entry("enterprise_standards", 3.0),
                Map.entry("projects_introduced", 24.0),
                Map.entry("funds_in_place_yuan", 1_050_000.0),
                Map.entry("funds_intended_yuan", 1_000_000_000.0),
                Map.entry("innovation_projects", 11.0),
                Map.entry("projects_under_negotiation", 19.0)));
        assertThat(figures.get("young_talents")).isGreaterThanOrEqualTo(200);
        assertThat(figures.get("service_days_compliance_rate")).isEqualTo(32.0 / 35);
    }

    @Test
    void reproducesTheCommunityStories()
            throws Exception
    {
        CommandLineTest.Result result = CommandLineTest.run("metrics", "--lake", lake.toString(), "--period", "2021",
                "--metric", "output_value_yuan", "--by", "community,product", "--format", "json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        Map<String, Double> outputValue = new HashMap<>();
        for (JsonNode node : new ObjectMapper().readTree(result.out())) {
            outputValue.put(node.get("community").asText() + "/" + node.get("product").asText(), node.get("value").asDouble());
            assertThat(node.get("name_zh").asText()).isEqualTo("产业产值");
            assertThat(node.get("unit").asText()).isEqualTo("yuan");
        }
        assertThat(outputValue.get("西华/草莓")).isGreaterThanOrEqualTo(80_000_000);
        try (Warehouse warehouse = Warehouse.open(lake)) {
            Map<String, Object> lvze = new HashMap<>();
            warehouse.query("select indicator, value from fct_industry_outputs where community_name = ? and period_year = 2021", List.of("律则"))
                    .rows().forEach(row -> lvze.put((String) row.get(0), row.get(1)));
            assertThat(lvze).containsEntry("households_benefiting", 42.0).containsEntry("farm_restaurants", 6.0)
                    .containsEntry("snack_shops", 12.0).containsEntry("produce_stalls", 15.0);
            assertThat((Double) lvze.get("funds_raised")).isGreaterThanOrEqualTo(6_000_000);
            assertThat((Double) lvze.get("new_jobs")).isGreaterThanOrEqualTo(120);
        }
    }

    @Test
    void metricsAreCutByDimensionsWithThePreviousPeriod()
            throws Exception
    {
        CommandLineTest.Result result = CommandLineTest.run("metrics", "--lake", lake.toString(), "--period", "2022Q1",
                "--metric", "field_guidance_person_times", "--by", "subdistrict", "--format", "json", "--lang", "en");
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode values = new ObjectMapper().readTree(result.out());
        assertThat(values).hasSize(3);
        for (JsonNode value : values) {
            assertThat(value.get("metric").asText()).isEqualTo("field_guidance_person_times");
            assertThat(value.get("name_en").asText()).isEqualTo("On-site field guidance");
            assertThat(value.get("period").asText()).isEqualTo("2022Q1");
            assertThat(value.get("subdistrict").asText()).isIn("碧鸡街道", "海口街道", "团结街道");
            assertThat(value.has("previous_value")).isTrue();
        }
        CommandLineTest.Result byMonth = CommandLineTest.run("metrics", "--lake", lake.toString(), "--period", "2021",
                "--metric", "trainings_held", "--by", "month", "--format", "csv");
        assertThat(byMonth.out().lines().findFirst()).contains("metric,name_zh,name_en,unit,month,value,previous_value,change");
        assertThat(byMonth.out().lines().skip(1).mapToLong(line -> Long.parseLong(line.split(",")[5])).sum())
                .isEqualTo(Long.parseLong(CommandLineTest.run("metrics", "--lake", lake.toString(), "--period", "2021",
                        "--metric", "trainings_held", "--format", "csv").out().lines().skip(1).findFirst().orElseThrow().split(",")[4]));
    }

    @Test
    void unknownMetricOrDimensionListsTheValidOnes()
    {
        CommandLineTest.Result metric = CommandLineTest.run("metrics", "--lake", lake.toString(), "--period", "2021", "--metric", "happiness");
        assertThat(metric.exitCode()).isEqualTo(2);
        assertThat(metric.err()).startsWith("xingcun: Unknown metric happiness; valid metrics: talents_dispatched, field_guidance_person_times,");
        CommandLineTest.Result dimension = CommandLineTest.run("metrics", "--lake", lake.toString(), "--period", "2021", "--by", "weather");
        assertThat(dimension.exitCode()).isEqualTo(2);
        assertThat(dimension.err()).isEqualTo("xingcun: Unknown dimension weather; valid dimensions: subdistrict, community, talent, product, "
                + "output_type, audience, category, status, month, quarter\n");
        CommandLineTest.Result cut = CommandLineTest.run("metrics", "--lake", lake.toString(), "--period", "2021", "--metric", "talents_dispatched", "--by", "month");
        assertThat(cut.exitCode()).isEqualTo(2);
        assertThat(cut.err()).isEqualTo("xingcun: Metric talents_dispatched cannot be cut by month; it can be cut by: subdistrict, community\n");
    }

    @Test
    void dataTestsPassOnTheSample()
    {
        CommandLineTest.Result result = CommandLineTest.run("warehouse", "test", "--lake", lake.toString());
        assertThat(result.exitCode()).as(result.out()).isZero();
        assertThat(result.out()).containsPattern("\\d+ data tests, \\d+ passed, 0 failed");
    }

    @Test
    void sqlAnswersQueriesSortsChineseByPinyinAndRefusesWrites()
            throws Exception
    {
        CommandLineTest.Result sorted = CommandLineTest.run("sql", "--lake", lake.toString(), "--format", "csv",
                "select subdistrict_name, count(*) as talents from dim_talent group by 1 order by subdistrict_name collate zh");
        assertThat(sorted.exitCode()).as(sorted.err()).isZero();
        assertThat(sorted.out()).isEqualTo("subdistrict_name,talents\r\n碧鸡街道,8\r\n海口街道,11\r\n团结街道,16\r\n");

        CommandLineTest.Result markdown = CommandLineTest.run("sql", "--lake", lake.toString(), "--format", "markdown", "select 1 as one;");
        assertThat(markdown.out()).isEqualTo("| one |\n| --- |\n| 1 |\n");

        for (String statement : List.of("drop view fct_trainings", "create table t as select 1", "copy fct_trainings to '/tmp/x.csv'",
                "attach '/tmp/other.duckdb'", "install httpfs", "load httpfs", "insert into division values (1)")) {
            CommandLineTest.Result refused = CommandLineTest.run("sql", "--lake", lake.toString(), statement);
            assertThat(refused.exitCode()).as(statement).isEqualTo(2);
            assertThat(refused.err()).as(statement).startsWith("xingcun: Refused ").contains("the warehouse is read-only");
        }
        CommandLineTest.Result twoStatements = CommandLineTest.run("sql", "--lake", lake.toString(), "select 1; drop view dim_date");
        assertThat(twoStatements.err()).isEqualTo("xingcun: Refused: give one statement at a time\n");
        // comments and quotes do not fool the parser check, nor does closing the export's own parenthesis
        Path smuggled = folder.resolve("smuggled.csv");
        CommandLineTest.Result commentTrick = CommandLineTest.run("sql", "--lake", lake.toString(),
                "select 1 /* ' */; copy (select 42 as x) to '" + smuggled + "'; select 2 /* ' */");
        assertThat(commentTrick.exitCode()).isEqualTo(2);
        CommandLineTest.Result exportTrick = CommandLineTest.run("sql", "--lake", lake.toString(), "--out", folder.resolve("o.parquet").toString(),
                "select 1 as x) to '" + smuggled + "' (format csv) --");
        assertThat(exportTrick.exitCode()).isIn(2, 3);
        assertThat(smuggled).doesNotExist();
        assertThat(folder.resolve("o.parquet")).doesNotExist();

        CommandLineTest.Result error = CommandLineTest.run("sql", "--lake", lake.toString(), "select nope from fct_trainings");
        assertThat(error.exitCode()).isEqualTo(3);
        assertThat(error.err()).startsWith("xingcun: Binder Error: Referenced column \"nope\" not found").contains("LINE 1:").doesNotContain("\n\t at ");
        assertThat(error.err().lines()).hasSize(1);

        Path parquet = folder.resolve("scorecard.parquet");
        CommandLineTest.Result export = CommandLineTest.run("sql", "--lake", lake.toString(), "--out", parquet.toString(), "select * from mart_community_scorecard");
        assertThat(export.exitCode()).as(export.err()).isZero();
        CommandLineTest.Result readBack = CommandLineTest.run("sql", "--lake", lake.toString(), "--format", "csv",
                "select count(*) as communities from read_parquet('" + parquet + "')");
        assertThat(readBack.out()).isEqualTo("communities\r\n35\r\n");
    }

    @Test
    void exportWritesADatabaseOtherToolsOpen()
            throws Exception
    {
        Path database = folder.resolve("xishan.duckdb");
        CommandLineTest.Result result = CommandLineTest.run("warehouse", "export", "--lake", lake.toString(), "--out", database.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("Wrote " + database + ": 24 models, the metric catalog and the division table (lake snapshot 1).");
        java.util.Properties readOnly = new java.util.Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection("jdbc:duckdb:" + database, readOnly);
                java.sql.Statement statement = connection.createStatement()) {
            try (java.sql.ResultSet rows = statement.executeQuery("select count(*) from fct_service_logs where is_field_guidance and service_on <= date '2022-06-30'")) {
                rows.next();
                assertThat(rows.getLong(1)).isEqualTo(201);
            }
            try (java.sql.ResultSet rows = statement.executeQuery("select name_zh from metric_catalog where metric_id = 'trainings_held'")) {
                rows.next();
                assertThat(rows.getString(1)).isEqualTo("技术技能提升专题培训");
            }
            try (java.sql.ResultSet rows = statement.executeQuery("select tags, comment from duckdb_tables() where table_name = 'fct_trainings'")) {
                rows.next();
                assertThat(rows.getString(2)).isEqualTo("one row per training session");
            }
        }
        CommandLineTest.Result again = CommandLineTest.run("warehouse", "export", "--lake", lake.toString(), "--out", database.toString());
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).isEqualTo("xingcun: Cannot export to " + database + ": it exists; remove it or choose another --out\n");
    }

    @Test
    void queriesDuringAnIngestSeeTheLastCommittedRunAndNeverWaitForALock()
            throws Exception
    {
        Path copy = folder.resolve("concurrent-lake");
        try (var paths = Files.walk(lake)) {
            for (Path path : paths.toList()) {
                Path target = copy.resolve(lake.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                }
                else {
                    Files.copy(path, target);
                }
            }
        }
        Path batch = folder.resolve("batch/service_logs");
        Files.createDirectories(batch);
        Files.writeString(batch.resolve("late.csv"), "日志编号,人才编号,服务社区代码,服务日期,服务类型\n"
                + "SL-LATE-1,XS2021001,530112008001,2022-06-01,技术指导\n"
                + "SL-LATE-2,XS2021001,530112008001,2022-06-02,技术指导\n"
                + "SL-LATE-3,XS2021001,530112008001,2022-06-03,技术指导\n");
        java.util.concurrent.CompletableFuture<CommandLineTest.Result> ingest = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> CommandLineTest.run("ingest", "--inbox", folder.resolve("batch").toString(), "--lake", copy.toString()));
        List<Double> seen = new java.util.ArrayList<>();
        while (!ingest.isDone()) {
            try (Warehouse warehouse = Warehouse.open(copy)) {
                seen.add(new MetricEngine(warehouse, MetricCatalog.load()).compute(new MetricQuery(List.of("field_guidance_person_times"),
                        ReportingPeriod.between("2021-01-01", "2022-06-30"), List.of(), Optional.empty())).get(0).value());
                assertThat(warehouse.query("select count(*) from stg_service_logs", List.of()).single()).isIn(1159L, 1162L);
            }
        }
        CommandLineTest.Result result = ingest.get();
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(seen).isNotEmpty().allSatisfy(value -> assertThat(value).isIn(201.0, 204.0));
        assertThat(seen.get(0)).isEqualTo(201.0);
        try (Warehouse warehouse = Warehouse.open(copy)) {
            assertThat(warehouse.snapshot().id()).isEqualTo(2);
            assertThat(warehouse.query("select count(*) from fct_service_logs where is_field_guidance and service_on <= date '2022-06-30'", List.of()).single())
                    .isEqualTo(204L);
        }
    }

    @Test
    void interactiveShellTakesMultiLineStatementsDotCommandsAndRefusesWrites()
            throws Exception
    {
        String typed = String.join("\n",
                ".tables",
                "select community_name, on_site_days",
                "from mart_talent_service_days",
                "where not meets_minimum order by community_name collate zh;",
                "drop view dim_date;",
                "select nope;",
                ".schema dim_talent",
                ".metrics",
                ".help",
                ".quit",
                "select 'never reached';") + "\n";
        java.io.ByteArrayOutputStream screen = new java.io.ByteArrayOutputStream();
        // a dumb terminal writes straight to the stream (a pty-backed one pumps output on a thread and may drop its tail)
        try (Warehouse warehouse = Warehouse.open(lake);
                org.jline.terminal.Terminal terminal = new org.jline.terminal.impl.DumbTerminal("test", "dumb",
                        new java.io.ByteArrayInputStream(typed.getBytes(java.nio.charset.StandardCharsets.UTF_8)), screen, java.nio.charset.StandardCharsets.UTF_8)) {
            new SqlShell(warehouse, terminal, folder.resolve("history")).run();
        }
        String output = screen.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(output).contains("xingcun sql: lake snapshot 1, 24 models. Type .help for help.")
                .contains("mart_talent_service_days             one row per talent and service cycle")
                .containsPattern("大兴\\s+22\\.0")
                .contains("(3 rows)")
                .contains("Error: Refused DROP: the warehouse is read-only")
                .contains("Error: Binder Error: Referenced column \"nope\"")
                .contains("talent_name", "field_guidance_person_times", ".schema NAME")
                .doesNotContain("never reached");
        assertThat(output.indexOf("大兴")).isLessThan(output.indexOf("乐亩")).isLessThan(output.indexOf("云龙")); // pinyin: da, le, yun
    }

    @Test
    void metricsAndQueriesExportToExcel()
            throws Exception
    {
        Path metrics = folder.resolve("metrics.xlsx");
        CommandLineTest.Result result = CommandLineTest.run("metrics", "--lake", lake.toString(), "--from", "2021-01-01", "--to", "2022-06-30",
                "--metric", "field_guidance_person_times", "--by", "subdistrict", "--format", "xlsx", "--out", metrics.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(metrics.toFile())) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(4).getStringCellValue()).isEqualTo("subdistrict");
            double total = 0;
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                total += sheet.getRow(r).getCell(5).getNumericCellValue();
            }
            assertThat(total).isEqualTo(201.0);
        }
        CommandLineTest.Result terminal = CommandLineTest.run("metrics", "--lake", lake.toString(), "--period", "2021", "--format", "xlsx");
        assertThat(terminal.exitCode()).isEqualTo(2);
        assertThat(terminal.err()).isEqualTo("xingcun: Cannot write xlsx to the terminal: add --out FILE.xlsx\n");

        Path query = folder.resolve("query.xlsx");
        assertThat(CommandLineTest.run("sql", "--lake", lake.toString(), "--out", query.toString(), "select community_name, talents from mart_community_scorecard").exitCode()).isZero();
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(query.toFile())) {
            assertThat(workbook.getSheetAt(0).getLastRowNum()).isEqualTo(35);
            assertThat(workbook.getSheetAt(0).getRow(1).getCell(1).getNumericCellValue()).isEqualTo(1.0);
        }
    }
}
