package xingcun.cli.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xingcun.cli.ScheduleCommand;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheduler running the real commands: one real Spark ingest of the shipped sample (shared by every test),
 * then metrics exports on DuckDB, caught up over missed months, run now, and fired by the real loop every two
 * seconds; real failures show which exit codes are retried.
 */
class ScheduleSampleLakeTest
{
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Path SAMPLE = Path.of("..", "samples", "xishan-2021").toAbsolutePath().normalize();

    @TempDir
    static Path folder;
    private static Path lake;
    private static CommandRunner.Result ingest;
    private static Path ingestSchedule;

    @BeforeAll
    static void ingestTheSampleWithRunNow()
            throws IOException
    {
        lake = folder.resolve("lake");
        // the families the exports below read: Spark's time goes per family, and these tests are about the scheduler
        Path inbox = folder.resolve("inbox");
        for (String family : List.of("talents", "service_logs", "trainings", "training_attendance")) {
            copyFolder(SAMPLE.resolve(family), inbox.resolve(family));
        }
        ingestSchedule = write("ingest", """
                jobs:
                  nightly-ingest:
                    run: ingest
                    cron: "30 1 * * *"
                    inbox: ../inbox
                    lake: ../lake
                    retries: 2
                """);
        ingest = xingcun("schedule", "--config", ingestSchedule.toString(), "--run-now", "nightly-ingest");
    }

    @Test
    void runNowIngestsTheSampleAndLogsTheRun()
    {
        assertThat(ingest.exitCode()).as(ingest.err()).isZero();
        assertThat(ingest.err()).contains("xingcun: schedule: nightly-ingest started: the run for ",
                ": xingcun ingest --inbox " + folder.resolve("inbox") + " --lake " + lake,
                "xingcun: schedule: nightly-ingest succeeded (exit 0) in ");
        // the ingest's own progress and summary are kept from the terminal: the run log is where a run is read back
        assertThat(ingest.out()).isEmpty();
        assertThat(lake.resolve("_snapshots/00000001.json")).exists();
        List<JsonNode> log = RunLogLines.read(ingestSchedule.resolveSibling("schedule-runs.jsonl"));
        assertThat(log).hasSize(1);
        JsonNode run = log.get(0);
        assertThat(run.get("job").asText()).isEqualTo("nightly-ingest");
        assertThat(run.get("trigger").asText()).isEqualTo("run_now");
        assertThat(run.get("status").asText()).isEqualTo("succeeded");
        assertThat(run.get("attempt").asInt()).isEqualTo(1);
        assertThat(run.get("exit_code").asInt()).isZero();
        assertThat(run.get("period").isNull()).isTrue();
        assertThat(run.get("outputs")).extracting(JsonNode::asText).containsExactly(lake.toString());
        assertThat(OffsetDateTime.parse(run.get("finished").asText())).isAfter(OffsetDateTime.parse(run.get("started").asText()));
        assertThat(OffsetDateTime.parse(run.get("scheduled_for").asText()).getOffset()).isEqualTo(SHANGHAI.getRules().getOffset(Instant.now()));
    }

    @Test
    void theMonthsMissedWhileDownAreExportedEachWithItsOwnPeriod()
            throws IOException
    {
        Path schedule = write("catch-up", """
                jobs:
                  monthly-metrics:
                    run: metrics
                    cron: "0 6 1 * *"
                    lake: ../lake
                    period: last-month
                    metrics: [trainings_held, trainee_person_times]
                    out: exports/{job}-{period}.{format}
                    catch_up: all
                """);
        ScheduleConfig config = ScheduleConfigReader.read(schedule);
        ScheduleState.load(config.stateFile(), SHANGHAI).handled("monthly-metrics", ZonedDateTime.of(2021, 10, 15, 0, 0, 0, 0, SHANGHAI).toInstant());
        // the scheduler was down from mid-October 2021 and starts again on New Year's morning
        Clock newYearsMorning = Clock.fixed(ZonedDateTime.of(2022, 1, 1, 8, 0, 0, 0, SHANGHAI).toInstant(), SHANGHAI);
        ConsoleLines console = new ConsoleLines();
        new Scheduler(config, new CommandRunner(ScheduleCommand::xingcun), ScheduleState.load(config.stateFile(), SHANGHAI), new RunLog(config.runLog()),
                newYearsMorning, console.writer()).runDue(newYearsMorning.instant());

        assertThat(RunLogLines.read(config.runLog())).extracting(line -> line.get("status").asText() + " " + line.get("period").asText() + " " + line.get("trigger").asText())
                .as(console.text()).containsExactly("succeeded 2021-10 catch_up", "succeeded 2021-11 catch_up", "succeeded 2021-12 catch_up");
        Map<String, Map<String, String[]>> exports = new HashMap<>();
        for (String month : List.of("2021-10", "2021-11", "2021-12")) {
            List<String> lines = Files.readAllLines(schedule.resolveSibling("exports/monthly-metrics-" + month + ".csv"));
            assertThat(lines.get(0)).isEqualTo("metric,name_zh,name_en,unit,value,previous_value,change");
            Map<String, String[]> rows = new HashMap<>();
            lines.stream().skip(1).map(line -> line.split(",", -1)).forEach(cells -> rows.put(cells[0], cells));
            assertThat(rows).containsOnlyKeys("trainings_held", "trainee_person_times");
            exports.put(month, rows);
        }
        // each export compares with the month before it: the months were resolved one by one from each missed fire
        for (String metric : List.of("trainings_held", "trainee_person_times")) {
            assertThat(exports.get("2021-11").get(metric)[5]).isEqualTo(exports.get("2021-10").get(metric)[4]);
            assertThat(exports.get("2021-12").get(metric)[5]).isEqualTo(exports.get("2021-11").get(metric)[4]);
        }
    }

    @Test
    void runNowWritesAFixedPeriodsExportAndExitsWithTheCommandsCode()
            throws IOException
    {
        Path schedule = write("run-now", """
                zone: UTC
                jobs:
                  third-quarter:
                    run: metrics
                    cron: "0 6 1 * *"
                    lake: ../lake
                    period: 2021Q3
                    metrics: field_guidance_person_times
                    by: [subdistrict]
                    format: json
                    lang: en
                    out: exports/{period}.{format}
                """);
        CommandRunner.Result result = xingcun("schedule", "--config", schedule.toString(), "--run-now", "third-quarter");
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode values = new ObjectMapper().readTree(schedule.resolveSibling("exports/2021Q3.json").toFile());
        assertThat(values).hasSize(3);
        for (JsonNode value : values) {
            assertThat(value.get("period").asText()).isEqualTo("2021Q3");
            assertThat(value.get("subdistrict").asText()).isIn("碧鸡街道", "海口街道", "团结街道");
            assertThat(value.get("name_en").asText()).isEqualTo("On-site field guidance");
        }
        JsonNode run = RunLogLines.read(schedule.resolveSibling("schedule-runs.jsonl")).get(0);
        assertThat(run.get("scheduled_for").asText()).endsWith("Z");
        assertThat(run.get("outputs")).extracting(JsonNode::asText).containsExactly(schedule.resolveSibling("exports/2021Q3.json").toString());
    }

    @Test
    void aReportJobPublishesTheReportAndLogsWhereItIs()
            throws IOException
    {
        Path schedule = write("report", """
                jobs:
                  monthly-report:
                    run: report
                    cron: "0 6 1 * *"
                    lake: ../lake
                    kind: monthly
                    period: 2021-07
                    out: reports/{kind}-{period}
                """);
        CommandRunner.Result result = xingcun("schedule", "--config", schedule.toString(), "--run-now", "monthly-report");
        assertThat(result.exitCode()).as(result.err()).isZero();
        Path report = schedule.resolveSibling("reports/monthly-2021-07");
        assertThat(report.resolve("index.html")).content().contains("2021年7月万名人才兴万村工作月报");
        assertThat(report.resolve("report.json")).exists();
        JsonNode run = RunLogLines.read(schedule.resolveSibling("schedule-runs.jsonl")).get(0);
        assertThat(run.get("status").asText()).isEqualTo("succeeded");
        assertThat(run.get("period").asText()).isEqualTo("2021-07");
        assertThat(run.get("outputs")).extracting(JsonNode::asText).containsExactly(report.toString());
    }

    @Test
    void aFailedRunIsRetriedAndBadArgumentsAreNot()
            throws IOException
    {
        // a live ingest (this very process) holds the lake's lock: every attempt fails with exit 3
        Path locked = Files.createDirectories(folder.resolve("locked-lake"));
        Files.writeString(locked.resolve("_lock"), ProcessHandle.current().pid() + "@" + InetAddress.getLocalHost().getHostName() + " r-test 2026-11-28T00:00:00Z");
        Path schedule = write("failures", """
                jobs:
                  locked-ingest:
                    run: ingest
                    cron: "30 1 * * *"
                    inbox: %s
                    lake: ../locked-lake
                    retries: 1
                    retry_delay: 0s
                  empty-lake-metrics:
                    run: metrics
                    cron: "0 6 1 * *"
                    lake: ../empty-lake
                    period: 2021
                    out: exports/{period}.csv
                    retries: 3
                """.formatted(SAMPLE));
        Files.createDirectories(folder.resolve("empty-lake"));

        CommandRunner.Result lockedRun = xingcun("schedule", "--config", schedule.toString(), "--run-now", "locked-ingest");
        assertThat(lockedRun.exitCode()).isEqualTo(3);
        CommandRunner.Result emptyRun = xingcun("schedule", "--config", schedule.toString(), "--run-now", "empty-lake-metrics");
        assertThat(emptyRun.exitCode()).isEqualTo(2);

        List<JsonNode> log = RunLogLines.read(schedule.resolveSibling("schedule-runs.jsonl"));
        assertThat(log).extracting(line -> line.get("job").asText() + " " + line.get("attempt").asInt() + " " + line.get("status").asText() + " " + line.get("exit_code").asInt())
                .containsExactly("locked-ingest 1 failed 3", "locked-ingest 2 failed 3", "empty-lake-metrics 1 failed 2");
        assertThat(log.get(1).get("reason").asText()).startsWith("Cannot ingest into lake ").contains("another ingest holds its lock (" + ProcessHandle.current().pid() + "@");
        assertThat(log.get(2).get("reason").asText()).isEqualTo("Cannot read lake " + folder.resolve("empty-lake")
                + ": it has no committed ingest run (no _snapshots/); run xingcun ingest first");
        assertThat(lockedRun.err()).contains("xingcun: schedule: locked-ingest: retry 1 of 1 in 0.0 s");
    }

    @Test
    void theRealLoopRunsAJobEveryTwoSecondsAndStopsCleanly()
            throws Exception
    {
        Path schedule = write("loop", """
                jobs:
                  every-two-seconds:
                    run: metrics
                    cron: "*/2 * * * * *"
                    lake: ../lake
                    period: 2021-07
                    out: exports/loop.csv
                """);
        ScheduleConfig config = ScheduleConfigReader.read(schedule);
        ConsoleLines console = new ConsoleLines();
        Scheduler scheduler = new Scheduler(config, new CommandRunner(ScheduleCommand::xingcun), ScheduleState.load(config.stateFile(), SHANGHAI),
                new RunLog(config.runLog()), Clock.systemUTC(), console.writer());
        Thread loop = new Thread(scheduler::run, "schedule-loop");
        loop.start();
        console.await("every-two-seconds succeeded", Duration.ofSeconds(30));
        console.await("every-two-seconds succeeded", Duration.ofSeconds(30));
        scheduler.stop(Duration.ofSeconds(30));
        loop.join(30_000);

        assertThat(loop.isAlive()).isFalse();
        List<JsonNode> runs = RunLogLines.read(config.runLog()).stream().filter(line -> line.get("status").asText().equals("succeeded")).toList();
        assertThat(runs).hasSizeGreaterThanOrEqualTo(2);
        Instant previous = Instant.MIN;
        for (JsonNode run : runs) {
            Instant scheduledFor = OffsetDateTime.parse(run.get("scheduled_for").asText()).toInstant();
            assertThat(scheduledFor.getEpochSecond() % 2).isZero();
            assertThat(scheduledFor.getNano()).isZero();
            assertThat(scheduledFor).isAfterOrEqualTo(previous.plusSeconds(2));
            assertThat(run.get("trigger").asText()).isEqualTo("schedule");
            assertThat(run.get("period").asText()).isEqualTo("2021-07");
            previous = scheduledFor;
        }
        // a fire that came due while the export ran was coalesced into the next run (catch_up latest for metrics)
        RunLogLines.read(config.runLog()).stream().filter(line -> line.get("status").asText().equals("skipped")).forEach(skipped ->
                assertThat(skipped.get("reason").asText()).isEqualTo("came due while an earlier run was in progress; catch_up: latest runs only the most recent fire"));
        assertThat(schedule.resolveSibling("exports/loop.csv")).content().startsWith("metric,name_zh,name_en,unit,value,previous_value,change");
        assertThat(console.text()).contains("xingcun: schedule: 1 jobs from " + schedule.toAbsolutePath() + " in Asia/Shanghai; run log " + config.runLog(),
                "xingcun: schedule: every-two-seconds (metrics, cron \"*/2 * * * * *\", catch_up latest): next at ",
                "xingcun: schedule: waiting; next: every-two-seconds at ").endsWith("xingcun: schedule: stopped\n");
        assertThat(ScheduleState.load(config.stateFile(), SHANGHAI).lastHandled("every-two-seconds")).contains(previous);
    }

    private static Path write(String name, String yaml)
            throws IOException
    {
        Path schedule = Files.createDirectories(folder.resolve(name)).resolve("schedules.yml");
        return Files.writeString(schedule, yaml);
    }

    private static void copyFolder(Path from, Path to)
            throws IOException
    {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }

    private static CommandRunner.Result xingcun(String... arguments)
    {
        return new CommandRunner(ScheduleCommand::xingcun).run(List.of(arguments));
    }
}
