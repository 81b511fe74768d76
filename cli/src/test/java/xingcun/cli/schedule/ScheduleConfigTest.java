package xingcun.cli.schedule;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xingcun.cli.ScheduleCommand;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The schedule file: the shipped example as a district would use it, and one clear line for every mistake, before anything runs. */
class ScheduleConfigTest
{
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String MONTHLY = """
            jobs:
              monthly:
                run: report
                cron: "0 6 1 * *"
                lake: lake
                kind: monthly
                period: last-month
                out: reports/{kind}-{period}
            """;

    @TempDir
    Path folder;

    @Test
    void theShippedExampleResolvesPathsFromItsFolderAndPeriodsFromEachFire()
    {
        // surefire runs in the cli module: the example is at the repository root
        ScheduleConfig config = ScheduleConfigReader.read(Path.of("..", "schedules.yml"));
        Path root = Path.of("..").toAbsolutePath().normalize();
        Path demo = root.resolve("xingcun-demo");
        assertThat(config.zone()).isEqualTo(SHANGHAI);
        assertThat(config.runLog()).isEqualTo(demo.resolve("schedule-runs.jsonl"));
        assertThat(config.stateFile()).isEqualTo(demo.resolve("schedule-runs.state.json"));
        assertThat(config.lockFile()).isEqualTo(demo.resolve("schedule-runs.lock"));
        assertThat(config.jobs()).extracting(JobDefinition::id).containsExactly("nightly-ingest", "monthly-report", "quarterly-report", "annual-report", "weekly-metrics");
        assertThat(config.jobs()).extracting(JobDefinition::catchUp).containsExactly(CatchUp.LATEST, CatchUp.ALL, CatchUp.ALL, CatchUp.ALL, CatchUp.NONE);
        assertThat(config.job("nightly-ingest").retries()).isEqualTo(2);

        Instant saturdayNoon = ZonedDateTime.of(2026, 11, 28, 12, 0, 0, 0, SHANGHAI).toInstant();
        assertThat(nextRun(config.job("nightly-ingest"), saturdayNoon)).containsExactly(
                "ingest", "--inbox", root.resolve("samples/xishan-2021").toString(), "--lake", demo.resolve("lake").toString());
        assertThat(nextRun(config.job("monthly-report"), saturdayNoon)).containsExactly("report", "--lake", demo.resolve("lake").toString(),
                "--kind", "monthly", "--period", "2026-11", "--out", demo.resolve("reports/monthly-2026-11").toString(), "--lang", "zh");
        assertThat(nextRun(config.job("quarterly-report"), saturdayNoon)).contains("--period", "2026Q4").contains(demo.resolve("reports/quarterly-2026Q4").toString());
        assertThat(nextRun(config.job("annual-report"), saturdayNoon)).contains("--period", "2026").contains(demo.resolve("reports/annual-2026").toString());
        // the next Monday is 30 November: this year to date, the export named by the day
        assertThat(nextRun(config.job("weekly-metrics"), saturdayNoon)).containsExactly("metrics", "--lake", demo.resolve("lake").toString(), "--period", "2026",
                "--format", "xlsx", "--out", demo.resolve("exports/metrics-2026-11-30.xlsx").toString(), "--by", "subdistrict");
    }

    @Test
    void aMetricsExportTakesItsFormatFromTheFileNameUnlessToldOtherwise()
    {
        String metrics = MONTHLY.replace("run: report", "run: metrics").replace("    kind: monthly\n", "");
        assertThat(((MetricsAction) read(metrics.replace("{kind}-{period}", "{period}.xlsx")).job("monthly").action()).format()).isEqualTo("xlsx");
        assertThat(((MetricsAction) read(metrics.replace("{kind}-{period}", "{period}.{format}")).job("monthly").action()).format()).isEqualTo("csv");
        assertThat(((MetricsAction) read(metrics.replace("{kind}-{period}", "{period}.txt") + "    format: json\n").job("monthly").action()).format()).isEqualTo("json");
    }

    @Test
    void cronFiresAreReadInTheSchedulesZone()
    {
        ScheduleConfig config = read(MONTHLY);
        Instant lateNovember = ZonedDateTime.of(2026, 11, 28, 12, 0, 0, 0, SHANGHAI).toInstant();
        assertThat(config.job("monthly").cron().nextAfter(lateNovember)).contains(ZonedDateTime.of(2026, 12, 1, 6, 0, 0, 0, SHANGHAI).toInstant());
        ScheduleConfig utc = read("zone: UTC\n" + MONTHLY);
        assertThat(utc.job("monthly").cron().nextAfter(lateNovember)).contains(Instant.parse("2026-12-01T06:00:00Z"));
        // six fields put seconds first
        ScheduleConfig everyTwoSeconds = read(MONTHLY.replace("0 6 1 * *", "*/2 * * * * *"));
        assertThat(everyTwoSeconds.job("monthly").cron().firesBetween(Instant.parse("2026-11-28T00:00:00Z"), Instant.parse("2026-11-28T00:00:06Z")))
                .containsExactly(Instant.parse("2026-11-28T00:00:02Z"), Instant.parse("2026-11-28T00:00:04Z"), Instant.parse("2026-11-28T00:00:06Z"));
        // fires fall on whole seconds whatever the fraction of the instant they are counted from
        assertThat(everyTwoSeconds.job("monthly").cron().firesBetween(Instant.parse("2026-11-28T00:00:00.500Z"), Instant.parse("2026-11-28T00:00:04.700Z")))
                .containsExactly(Instant.parse("2026-11-28T00:00:02Z"), Instant.parse("2026-11-28T00:00:04Z"));
    }

    @Test
    void unknownKeyNamesTheJobAndTheKeysItTakes()
    {
        assertThat(problem(MONTHLY.replace("period:", "peroid:"))).isEqualTo(invalid("job monthly: unknown key 'peroid'; a report job takes "
                + "run, cron, catch_up, retries, retry_delay, lake, kind, period, out, lang, community, talent"));
        assertThat(problem("timezone: UTC\n" + MONTHLY)).isEqualTo(invalid("unknown key 'timezone'; a schedule takes zone, run_log, stop_timeout, jobs"));
        assertThat(problem(MONTHLY.replace("run: report", "run: publish"))).isEqualTo(invalid("job monthly: unknown run 'publish'; write run: ingest, report or metrics"));
    }

    @Test
    void badCronSaysWhyAndHowToWriteOne()
    {
        assertThat(problem(MONTHLY.replace("0 6 1 * *", "61 6 1 * *"))).isEqualTo(invalid("job monthly: invalid cron '61 6 1 * *' (Failed to parse cron expression. "
                + "Value 61 not in range [0, 59]); write five fields, minute hour day-of-month month day-of-week, such as \"0 6 1 * *\" for 06:00 on the 1st, "
                + "or six with seconds first"));
        assertThat(problem(MONTHLY.replace("0 6 1 * *", "monthly"))).startsWith(invalid("job monthly: invalid cron 'monthly' (Cron expression contains 1 parts"));
    }

    @Test
    void missingFieldSaysWhatToAdd()
    {
        assertThat(problem(MONTHLY.replace("    out: reports/{kind}-{period}\n", ""))).isEqualTo(invalid("job monthly: missing 'out'; add the path to write, "
                + "e.g. out: reports/{kind}-{period}"));
        assertThat(problem(MONTHLY.replace("    lake: lake\n", ""))).isEqualTo(invalid("job monthly: missing 'lake'; add lake: the lake folder"));
        assertThat(problem("zone: Asia/Shanghai\n")).isEqualTo(invalid("it has no jobs; add a jobs: mapping of job ids to jobs (see schedules.yml at the repository root)"));
    }

    @Test
    void badValuesListTheGoodOnes()
    {
        assertThat(problem(MONTHLY.replace("last-month", "last-moth"))).isEqualTo(invalid("job monthly: invalid period 'last-moth'; write last-month, last-quarter, "
                + "last-year, this-month, this-quarter, this-year, or a fixed period such as 2021, 2021Q3 or 2021-07"));
        assertThat(problem(MONTHLY.replace("kind: monthly", "kind: weekly"))).isEqualTo(invalid("job monthly: invalid kind 'weekly'; write one of annual, quarterly, "
                + "monthly, community, talent"));
        assertThat(problem(MONTHLY + "    catch_up: some\n")).isEqualTo(invalid("job monthly: invalid catch_up 'some'; write one of all, latest, none"));
        assertThat(problem(MONTHLY + "    retries: many\n")).isEqualTo(invalid("job monthly: invalid retries 'many'; write a whole number from 0 to 99"));
        assertThat(problem(MONTHLY.replace("run: report", "run: metrics").replace("    kind: monthly\n", "").replace("{kind}-{period}", "{period}.pdf")
                + "    format: pdf\n")).isEqualTo(invalid("job monthly: invalid format 'pdf'; write one of csv, json, xlsx"));
        assertThat(problem(MONTHLY + "    retry_delay: soon\n")).isEqualTo(invalid("job monthly: invalid retry_delay 'soon'; write it as 30s, 5m or 1h"));
        assertThat(problem("zone: Asia/Kunming\n" + MONTHLY)).isEqualTo(invalid("invalid zone 'Asia/Kunming'; write a region id such as Asia/Shanghai"));
        assertThat(problem(MONTHLY.replace("{kind}-{period}", "{kind}-{month}"))).isEqualTo(invalid("job monthly: unknown placeholder {month} in out "
                + "'reports/{kind}-{month}'; this job can use {date}, {job}, {kind}, {period}"));
    }

    @Test
    void aJobDefinedTwiceOrBrokenYamlIsRefused()
            throws IOException
    {
        assertThat(problem(MONTHLY + MONTHLY.replace("jobs:\n", ""))).isEqualTo("Cannot read schedule " + folder.resolve("schedules.yml")
                + ": Duplicate field 'monthly' at line 9; fix the YAML");
        assertThat(problem("jobs:\n  monthly:\n    cron: * * * * *\n")).startsWith("Cannot read schedule " + folder.resolve("schedules.yml") + ": ").endsWith("; fix the YAML");
        Path missing = folder.resolve("missing.yml");
        assertThatThrownBy(() -> ScheduleConfigReader.read(missing))
                .hasMessage("Cannot read schedule " + missing + ": no such file; give the path of a schedule file such as schedules.yml");
    }

    @Test
    void theCommandSaysABadScheduleInOneLineBeforeAnythingStarts()
            throws IOException
    {
        Path file = write(MONTHLY.replace("last-month", "last-moth"));
        CommandRunner.Result result = xingcun("schedule", "--config", file.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("xingcun: " + invalid("job monthly: invalid period 'last-moth'; write last-month, last-quarter, last-year, "
                + "this-month, this-quarter, this-year, or a fixed period such as 2021, 2021Q3 or 2021-07") + "\n");
        assertThat(result.out()).isEmpty();
        assertThat(folder.resolve("schedule-runs.jsonl")).doesNotExist();
    }

    @Test
    void runNowOfAnUnknownJobListsTheJobs()
            throws IOException
    {
        Path file = write(MONTHLY + MONTHLY.replace("jobs:\n", "").replace("  monthly:", "  quarterly:"));
        CommandRunner.Result result = xingcun("schedule", "--config", file.toString(), "--run-now", "weekly");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("xingcun: Unknown job weekly in " + file + "; its jobs: monthly, quarterly\n");
        assertThat(folder.resolve("schedule-runs.jsonl")).doesNotExist();
        assertThat(xingcun("--help").out()).contains("schedule");
        assertThat(xingcun("schedule", "--help").out()).contains("Usage: xingcun schedule", "--config=FILE", "--run-now=JOB");
    }

    @Test
    void aSecondSchedulerOnTheSameRunLogRefusesToStart()
            throws IOException
    {
        Path file = write(MONTHLY);
        Path lockFile = folder.resolve("schedule-runs.lock");
        try (SchedulerLock running = SchedulerLock.acquire(lockFile)) {
            CommandRunner.Result second = xingcun("schedule", "--config", file.toString());
            assertThat(second.exitCode()).isEqualTo(3);
            assertThat(second.err()).isEqualTo("xingcun: Cannot start the scheduler: another scheduler runs these jobs (it holds " + lockFile
                    + "); stop it first, or give this schedule its own run_log\n");
        }
        // the lock goes with the scheduler that held it
        try (SchedulerLock next = SchedulerLock.acquire(lockFile)) {
            assertThat(lockFile).content().isEqualTo(ProcessHandle.current().pid() + "\n");
        }
    }

    private static List<String> nextRun(JobDefinition job, Instant after)
    {
        Instant fire = job.cron().nextAfter(after).orElseThrow();
        return job.action().invocation(job.id(), fire.atZone(SHANGHAI)).arguments();
    }

    private static CommandRunner.Result xingcun(String... arguments)
    {
        return new CommandRunner(ScheduleCommand::xingcun).run(List.of(arguments));
    }

    private ScheduleConfig read(String yaml)
    {
        try {
            return ScheduleConfigReader.read(write(yaml));
        }
        catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String problem(String yaml)
    {
        try {
            Path file = write(yaml);
            ScheduleException exception = org.junit.jupiter.api.Assertions.assertThrows(ScheduleException.class, () -> ScheduleConfigReader.read(file));
            assertThat(exception.errorCode()).isEqualTo(ScheduleErrorCode.INVALID_CONFIG);
            return exception.getMessage();
        }
        catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String invalid(String problem)
    {
        return "Invalid schedule " + folder.resolve("schedules.yml") + ": " + problem;
    }

    private Path write(String yaml)
            throws IOException
    {
        return Files.writeString(folder.resolve("schedules.yml"), yaml);
    }
}
