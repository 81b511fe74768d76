package xingcun.cli.schedule;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Periods and output paths are worked out from the time a run was scheduled for, in the schedule's zone. */
class SchedulePeriodTest
{
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void relativePeriodsFollowTheScheduledDay()
    {
        LocalDate firstOfJanuary = LocalDate.of(2027, 1, 1);
        assertThat(new SchedulePeriod("last-month").label(firstOfJanuary)).isEqualTo("2026-12");
        assertThat(new SchedulePeriod("last-quarter").label(firstOfJanuary)).isEqualTo("2026Q4");
        assertThat(new SchedulePeriod("last-year").label(firstOfJanuary)).isEqualTo("2026");
        assertThat(new SchedulePeriod("this-month").label(firstOfJanuary)).isEqualTo("2027-01");
        assertThat(new SchedulePeriod("this-quarter").label(firstOfJanuary)).isEqualTo("2027Q1");
        assertThat(new SchedulePeriod("this-year").label(firstOfJanuary)).isEqualTo("2027");
        assertThat(new SchedulePeriod("last-quarter").label(LocalDate.of(2026, 7, 1))).isEqualTo("2026Q2");
        assertThat(new SchedulePeriod("this-quarter").label(LocalDate.of(2026, 9, 30))).isEqualTo("2026Q3");
        // a fixed period stays what it is, written as the warehouse writes it
        assertThat(new SchedulePeriod("2021q3").label(firstOfJanuary)).isEqualTo("2021Q3");
        assertThat(new SchedulePeriod("2021-07").label(firstOfJanuary)).isEqualTo("2021-07");
        assertThat(new SchedulePeriod("2021").label(firstOfJanuary)).isEqualTo("2021");
        assertThatThrownBy(() -> new SchedulePeriod("2021-13")).hasMessage("invalid period '2021-13'; write last-month, last-quarter, last-year, "
                + "this-month, this-quarter, this-year, or a fixed period such as 2021, 2021Q3 or 2021-07");
    }

    @Test
    void theReportDueOnTheFirstIsLastMonthsInShanghaiWhateverTheUtcDate()
    {
        ReportAction monthly = new ReportAction(Path.of("/data/lake"), "monthly", new SchedulePeriod("last-month"),
                new OutputTemplate("reports/{kind}-{period}", Path.of("/srv/xingcun")), Optional.of("en"), Optional.empty(), Optional.empty());
        // 06:00 on 1 December in Shanghai is still 30 November in UTC: the period must come from Shanghai's date
        ZonedDateTime due = ZonedDateTime.of(2026, 12, 1, 6, 0, 0, 0, SHANGHAI);
        assertThat(due.withZoneSameInstant(ZoneId.of("UTC")).toLocalDate()).isEqualTo(LocalDate.of(2026, 11, 30));
        Invocation invocation = monthly.invocation("monthly-report", due);
        assertThat(invocation.arguments()).containsExactly("report", "--lake", "/data/lake", "--kind", "monthly", "--period", "2026-11",
                "--out", "/srv/xingcun/reports/monthly-2026-11", "--lang", "en");
        assertThat(invocation.period()).contains("2026-11");
        assertThat(invocation.outputs()).containsExactly("/srv/xingcun/reports/monthly-2026-11");
        assertThat(invocation.folders()).containsExactly(Path.of("/srv/xingcun/reports"));
    }

    @Test
    void reportAndMetricsArgumentsFollowTheCommandsOptions()
    {
        ZonedDateTime due = ZonedDateTime.of(2026, 4, 1, 6, 0, 0, 0, SHANGHAI);
        ReportAction community = new ReportAction(Path.of("/lake"), "community", new SchedulePeriod("last-quarter"),
                new OutputTemplate("/reports/{job}/{period}", Path.of("/srv")), Optional.empty(), Optional.of("西华"), Optional.of("T001"));
        assertThat(community.invocation("xihua", due).arguments()).containsExactly("report", "--lake", "/lake", "--kind", "community", "--period", "2026Q1",
                "--community", "西华", "--talent", "T001", "--out", "/reports/xihua/2026Q1");
        MetricsAction metrics = new MetricsAction(Path.of("/lake"), new SchedulePeriod("2021"), new OutputTemplate("exports/{job}-{period}-{date}.{format}", Path.of("/srv")),
                "json", List.of("trainings_held", "talents_dispatched"), List.of("subdistrict"), Optional.of("团结"), Optional.of("en"));
        assertThat(metrics.invocation("yearly", due).arguments()).containsExactly("metrics", "--lake", "/lake", "--period", "2021", "--format", "json",
                "--out", "/srv/exports/yearly-2021-2026-04-01.json", "--metric", "trainings_held", "--metric", "talents_dispatched", "--by", "subdistrict",
                "--community", "团结", "--lang", "en");
        IngestAction ingest = new IngestAction(Path.of("/inbox"), "hdfs://cluster/lake", Optional.of("local[2]"));
        Invocation ingestRun = ingest.invocation("nightly", due);
        assertThat(ingestRun.arguments()).containsExactly("ingest", "--inbox", "/inbox", "--lake", "hdfs://cluster/lake", "--master", "local[2]");
        assertThat(ingestRun.period()).isEmpty();
        assertThat(ingestRun.folders()).isEmpty();
    }

    @Test
    void outputTemplatesAcceptOnlyTheirJobsPlaceholders()
    {
        OutputTemplate template = OutputTemplate.of("out/{job}/{period}.{format}", Path.of("/srv"), MetricsAction.PLACEHOLDERS);
        assertThat(template.resolve(Map.of("job", "a", "period", "2021Q3", "format", "csv"))).isEqualTo(Path.of("/srv/out/a/2021Q3.csv"));
        assertThatThrownBy(() -> OutputTemplate.of("out/{kind}.csv", Path.of("/srv"), MetricsAction.PLACEHOLDERS))
                .hasMessage("unknown placeholder {kind} in out 'out/{kind}.csv'; this job can use {date}, {format}, {job}, {period}");
        assertThat(OutputTemplate.of("../reports/$1-{period}", Path.of("/srv/xingcun"), Set.of("period")).resolve(Map.of("period", "2021")))
                .isEqualTo(Path.of("/srv/reports/$1-2021"));
    }
}
