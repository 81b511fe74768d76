package xingcun.warehouse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xingcun.warehouse.metrics.MetricCatalog;
import xingcun.warehouse.metrics.MetricEngine;
import xingcun.warehouse.metrics.MetricQuery;
import xingcun.warehouse.metrics.MetricValue;
import xingcun.warehouse.metrics.ReportingPeriod;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WarehouseTest
{
    private static final String TALENT = "('XS1', '陶磅', null, null, null, null, null, '云南省农科院', null, null, null, '530112008003', "
            + "date '2021-04-01', null, null, 'h', 'talents/t.csv', 2, 'r1')";

    @TempDir
    Path lake;

    @Test
    void lakeWithoutACommittedRunIsABadArgument()
    {
        assertThatThrownBy(() -> Warehouse.open(lake))
                .isInstanceOf(WarehouseException.class)
                .hasMessage("Cannot read lake " + lake.toAbsolutePath() + ": it has no committed ingest run (no _snapshots/); run xingcun ingest first");
    }

    @Test
    void everyModelBuildsOnALakeWithNoRowsAndCountsNothing()
            throws Exception
    {
        new TestLakes(lake).commit();
        try (Warehouse warehouse = Warehouse.open(lake)) {
            for (ModelDefinition model : warehouse.models()) {
                assertThat(warehouse.query("select count(*) from " + model.name(), List.of()).single()).as(model.name())
                        .isEqualTo(model.name().equals("dim_community") ? 118L : model.name().equals("dim_date") ? 13149L : 0L);
            }
            Map<String, Double> values = headline(warehouse, ReportingPeriod.parse("2021"));
            assertThat(values).containsEntry("field_guidance_person_times", 0.0).containsEntry("funds_in_place_yuan", 0.0);
            assertThat(values.get("service_days_compliance_rate")).isNull();
            assertThat(DataTests.run(warehouse)).allSatisfy(outcome -> assertThat(outcome.failures()).as(outcome.test().name()).isZero());
        }
    }

    @Test
    void dimCommunityHasTheHierarchyAndBothCodeVariants()
            throws Exception
    {
        new TestLakes(lake).commit();
        try (Warehouse warehouse = Warehouse.open(lake)) {
            assertThat(warehouse.query("select community_code_civil_affairs, community_name, subdistrict_name, district_name, is_agricultural "
                    + "from dim_community where community_code = ?", List.of("530112008003")).rows())
                    .containsExactly(List.of("530112009003", "西华", "碧鸡街道", "西山区", true));
        }
    }

    @Test
    void theLakesCommunitiesTableAddsRenamesAndNarrowsTheProgram()
            throws Exception
    {
        new TestLakes(lake)
                .add("communities", "values ('530112010099', '新村社区居委会', '530112010000', true, 'h', 'c.csv', 2, 'r1'),"
                        + " ('530112009001', '海门社区居委会', null, false, 'h', 'c.csv', 3, 'r1')")
                .commit();
        try (Warehouse warehouse = Warehouse.open(lake)) {
            assertThat(warehouse.query("select community_code, community_name, subdistrict_name, is_in_program from dim_community "
                    + "where community_code in ('530112010099', '530112009001', '530112009002') order by community_code", List.of()).rows())
                    .containsExactly(List.of("530112009001", "海门", "海口街道", false), List.of("530112009002", "里仁", "海口街道", true),
                            List.of("530112010099", "新村", "团结街道", true));
        }
    }

    @Test
    void aSourceHasItsShapesColumnsWhenOlderFilesAlsoHoldTheRowsKeys()
            throws Exception
    {
        new TestLakes(lake)
                .addWithStoredKeys("communities", "values ('530112010099', '新村社区居委会', '530112010000', true, 'h', 'c.csv', 2, 'r1')")
                .add("communities", "values ('530112009001', '海门社区居委会', null, false, 'h', 'c.csv', 3, 'r2')")
                .commit();
        try (Warehouse warehouse = Warehouse.open(lake)) {
            QueryResult rows = warehouse.query("select * from src_communities order by code", List.of());
            assertThat(rows.columns()).containsExactly("code", "name", "parent_code", "in_program", "record_hash", "source_file", "source_row", "run_id");
            assertThat(rows.rows()).extracting(row -> row.get(0)).containsExactly("530112009001", "530112010099");
        }
    }

    @Test
    void periodRulesOfTheContract()
            throws Exception
    {
        new TestLakes(lake)
                .add("talents", "values " + TALENT)
                .add("projects", "values ('P1', '草莓深加工', '530112008003', null, 'introduced', 'landed', 50000, 0, null, date '2021-05-01', 'h', 'p.xlsx', 2, 'r1'),"
                        + " ('P2', '数字乡村', '530112008003', null, 'introduced', 'intended', 0, 1000000, null, null, 'h', 'p.xlsx', 3, 'r1'),"
                        + " ('P3', '旧项目', '530112008003', null, 'introduced', 'landed', 7, 0, null, date '2020-05-01', 'h', 'p.xlsx', 4, 'r1')")
                .add("industry_outputs", "values ('530112008003', '2021', date '2021-01-01', date '2021-12-31', 'output_value', '草莓', 800, 'yuan', 'h', 'i.csv', 2, 'r1'),"
                        + " ('530112008003', '2021Q1', date '2021-01-01', date '2021-03-31', 'output_value', '草莓', 100, 'yuan', 'h', 'i.csv', 3, 'r1'),"
                        + " ('530112008003', '2022Q1', date '2022-01-01', date '2022-03-31', 'output_value', '草莓', 300, 'yuan', 'h', 'i.csv', 4, 'r1')")
                .commit();
        try (Warehouse warehouse = Warehouse.open(lake)) {
            // undated projects count as of the period's end; dated ones by their signing date
            assertThat(value(warehouse, "projects_introduced", ReportingPeriod.parse("2021"))).isEqualTo(2.0);
            assertThat(value(warehouse, "funds_intended_yuan", ReportingPeriod.parse("2019"))).isEqualTo(1_000_000.0);
            // the annual row wins over the quarter of the same year; a quarter alone counts; a year not wholly inside does not
            assertThat(value(warehouse, "output_value_yuan", ReportingPeriod.between("2021-01-01", "2022-06-30"))).isEqualTo(1100.0);
            assertThat(value(warehouse, "output_value_yuan", ReportingPeriod.parse("2021Q1"))).isEqualTo(100.0);
            // talents count while their cycle (one year when no end is given) overlaps the period
            assertThat(value(warehouse, "talents_dispatched", ReportingPeriod.parse("2022Q1"))).isEqualTo(1.0);
            assertThat(value(warehouse, "talents_dispatched", ReportingPeriod.parse("2022Q2"))).isEqualTo(0.0);
            // cut by quarter, an undated project falls in the quarter that holds the period's end
            assertThat(compute(warehouse, "projects_introduced", ReportingPeriod.parse("2021"), List.of("quarter")))
                    .extracting(MetricValue::dimensions, MetricValue::value)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(Map.of("quarter", "2021Q2"), 1.0), org.assertj.core.groups.Tuple.tuple(Map.of("quarter", "2021Q4"), 1.0));
            // a ratio of two metrics cut the same way
            assertThat(value(warehouse, "funds_per_talent_yuan", ReportingPeriod.parse("2021"))).isEqualTo(50_000.0);
        }
    }

    @Test
    void metricsCarryThePreviousPeriodAndTheChange()
            throws Exception
    {
        new TestLakes(lake)
                .add("talents", "values " + TALENT)
                .add("service_logs", "values ('L1', 'XS1', '530112008003', date '2021-05-01', 'field_guidance', 1, 3, null, null, null, 'h', 's.csv', 2, 'r1', 2021),"
                        + " ('L2', 'XS1', '530112008003', date '2022-05-01', 'field_guidance', 1, 3, null, null, null, 'h', 's.csv', 3, 'r1', 2022),"
                        + " ('L3', 'XS1', '530112008003', date '2022-05-02', 'field_guidance', 1, 3, null, null, null, 'h', 's.csv', 4, 'r1', 2022)")
                .commit();
        try (Warehouse warehouse = Warehouse.open(lake)) {
            MetricValue value = compute(warehouse, "field_guidance_person_times", ReportingPeriod.parse("2022"), List.of()).get(0);
            assertThat(value.value()).isEqualTo(2.0);
            assertThat(value.previousValue()).contains(1.0);
            assertThat(value.change()).contains(1.0);
            List<MetricValue> byCommunity = compute(warehouse, "field_guidance_person_times", ReportingPeriod.parse("2022"), List.of("subdistrict", "community"));
            assertThat(byCommunity).extracting(MetricValue::dimensions).containsExactly(Map.of("subdistrict", "碧鸡街道", "community", "西华"));
        }
    }

    @Test
    void dataTestsReportFailuresWithSampleRows()
            throws Exception
    {
        new TestLakes(lake)
                .add("talents", "values " + TALENT)
                .add("service_logs", "values ('L1', 'XS9', '530112008003', date '2021-05-01', 'field_guidance', 1, 3, null, null, null, 'h', 's.csv', 2, 'r1', 2021)")
                .commit();
        try (Warehouse warehouse = Warehouse.open(lake)) {
            List<DataTests.Outcome> failed = DataTests.run(warehouse).stream().filter(outcome -> outcome.failures() > 0).toList();
            assertThat(failed).extracting(outcome -> outcome.test().model() + " " + outcome.test().name())
                    .containsExactly("fct_service_logs relationships(talent_id → dim_talent.talent_id)");
            assertThat(failed.get(0).sample().rows()).hasSize(1);
            assertThat(failed.get(0).sample().rows().get(0).get(0)).isEqualTo("L1");
        }
    }

    @Test
    void periodsParseAndStepBack()
    {
        assertThat(ReportingPeriod.parse("2021Q1").previous()).isEqualTo(new ReportingPeriod("2020Q4", LocalDate.of(2020, 10, 1), LocalDate.of(2020, 12, 31)));
        assertThat(ReportingPeriod.parse("2021-03").previous().label()).isEqualTo("2021-02");
        assertThat(ReportingPeriod.parse("2021").previous().from()).isEqualTo(LocalDate.of(2020, 1, 1));
        assertThat(ReportingPeriod.between("2021-01-01", "2021-01-10").previous())
                .isEqualTo(new ReportingPeriod("2020-12-22…2020-12-31", LocalDate.of(2020, 12, 22), LocalDate.of(2020, 12, 31)));
        assertThatThrownBy(() -> ReportingPeriod.parse("last year"))
                .isInstanceOf(WarehouseException.class)
                .hasMessage("Invalid period last year: write a year (2021), a quarter (2021Q3) or a month (2021-07)");
    }

    @Test
    void catalogCoversThePublishedFiguresWithDefinitions()
    {
        MetricCatalog catalog = MetricCatalog.load();
        assertThat(catalog.headline()).extracting(metric -> metric.id()).contains("talents_dispatched", "field_guidance_person_times",
                "trainings_held", "large_grower_trainee_person_times", "bottlenecks_solved", "utility_model_patents", "design_patents",
                "software_copyrights", "enterprise_standards", "young_talents", "projects_introduced", "funds_in_place_yuan",
                "funds_intended_yuan", "innovation_projects", "projects_under_negotiation");
        assertThat(catalog.metrics()).allSatisfy(metric -> {
            assertThat(metric.definitionChinese()).as(metric.id()).isNotBlank();
            assertThat(metric.definitionEnglish()).as(metric.id()).isNotBlank();
            assertThat(metric.rollup()).as(metric.id()).isNotBlank();
        });
        assertThatThrownBy(() -> catalog.find("happiness")).hasMessageStartingWith("Unknown metric happiness; valid metrics: talents_dispatched, ");
    }

    private static Double value(Warehouse warehouse, String metric, ReportingPeriod period)
    {
        return compute(warehouse, metric, period, List.of()).get(0).value();
    }

    private static List<MetricValue> compute(Warehouse warehouse, String metric, ReportingPeriod period, List<String> dimensions)
    {
        return new MetricEngine(warehouse, MetricCatalog.load()).compute(new MetricQuery(List.of(metric), period, dimensions, Optional.empty()));
    }

    private static Map<String, Double> headline(Warehouse warehouse, ReportingPeriod period)
    {
        return new MetricEngine(warehouse, MetricCatalog.load()).compute(new MetricQuery(List.of(), period, List.of(), Optional.empty())).stream()
                .collect(HashMap::new, (map, value) -> map.put(value.metric().id(), value.value()), Map::putAll);
    }
}
