package xingcun.cli.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheduler's rules, proved on a clock the test moves: catch-up of fires missed while it was down, a fire that
 * comes due while a run is in progress, retries by exit code, and a stop in the middle of a run. The command line is
 * a hand-made stand-in (FakeXingcun), so months pass in milliseconds.
 */
class ScheduleCatchUpTest
{
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String MONTHLY_REPORT = """
              monthly:
                run: report
                cron: "0 6 1 * *"
                lake: lake
                kind: monthly
                period: last-month
                out: reports/{kind}-{period}
            """;
    private static final String NIGHTLY_INGEST = """
              nightly:
                run: ingest
                cron: "30 1 * * *"
                inbox: inbox
                lake: lake
            """;
    private static final String WEEKLY_METRICS = """
              weekly:
                run: metrics
                cron: "0 7 * * MON"
                lake: lake
                period: this-month
                out: exports/{job}-{date}.{format}
            """;

    @TempDir
    Path folder;
    private final ConsoleLines console = new ConsoleLines();

    @Test
    void everyMonthMissedWhileTheSchedulerWasDownGetsItsReport()
    {
        ScheduleConfig config = schedule(MONTHLY_REPORT);
        lastHandled(config, "monthly", shanghai(2026, 8, 20, 12, 0));
        TestClock clock = new TestClock(shanghai(2026, 12, 1, 9, 0));
        FakeXingcun xingcun = new FakeXingcun();
        scheduler(config, xingcun, clock).runDue(clock.instant());

        assertThat(xingcun.runs()).extracting(arguments -> arguments.get(arguments.indexOf("--period") + 1)).containsExactly("2026-08", "2026-09", "2026-10", "2026-11");
        List<JsonNode> log = RunLogLines.read(config.runLog());
        assertThat(log).hasSize(4);
        assertThat(log).extracting(line -> line.get("scheduled_for").asText())
                .containsExactly("2026-09-01T06:00:00+08:00", "2026-10-01T06:00:00+08:00", "2026-11-01T06:00:00+08:00", "2026-12-01T06:00:00+08:00");
        JsonNode first = log.get(0);
        assertThat(first.get("job").asText()).isEqualTo("monthly");
        assertThat(first.get("trigger").asText()).isEqualTo("catch_up");
        assertThat(first.get("status").asText()).isEqualTo("succeeded");
        assertThat(first.get("attempt").asInt()).isEqualTo(1);
        assertThat(first.get("exit_code").asInt()).isZero();
        assertThat(first.get("reason").isNull()).isTrue();
        assertThat(first.get("period").asText()).isEqualTo("2026-08");
        assertThat(first.get("started").asText()).isEqualTo("2026-12-01T09:00:00.000+08:00");
        assertThat(first.get("outputs")).extracting(JsonNode::asText).containsExactly(folder.resolve("reports/monthly-2026-08").toString());
        assertThat(folder.resolve("reports")).isDirectory();
        assertThat(console.text()).contains("xingcun: schedule: monthly started: the run for 2026-09-01 06:00:00 +08:00, period 2026-08: xingcun report --lake "
                + folder.resolve("lake") + " --kind monthly --period 2026-08 --out " + folder.resolve("reports/monthly-2026-08"),
                "xingcun: schedule: monthly succeeded (exit 0) in 0.0 s: " + folder.resolve("reports/monthly-2026-11"),
                "xingcun: schedule: monthly: next at 2027-01-01 06:00:00 +08:00");

        // the state says all of it is done: a restart an hour later runs nothing again
        assertThat(ScheduleState.load(config.stateFile(), SHANGHAI).lastHandled("monthly")).contains(shanghai(2026, 12, 1, 6, 0));
        clock.advance(Duration.ofHours(1));
        scheduler(config, xingcun, clock).runDue(clock.instant());
        assertThat(xingcun.runs()).hasSize(4);
    }

    @Test
    void oneIngestCatchesUpForEveryMissedNight()
    {
        ScheduleConfig config = schedule(NIGHTLY_INGEST);
        lastHandled(config, "nightly", shanghai(2026, 11, 27, 2, 0));
        TestClock clock = new TestClock(shanghai(2026, 11, 30, 9, 0));
        FakeXingcun xingcun = new FakeXingcun();
        scheduler(config, xingcun, clock).runDue(clock.instant());

        assertThat(xingcun.runs()).hasSize(1);
        List<JsonNode> log = RunLogLines.read(config.runLog());
        assertThat(log).extracting(line -> line.get("status").asText() + " " + line.get("scheduled_for").asText())
                .containsExactly("skipped 2026-11-28T01:30:00+08:00", "skipped 2026-11-29T01:30:00+08:00", "succeeded 2026-11-30T01:30:00+08:00");
        JsonNode skipped = log.get(0);
        assertThat(skipped.get("reason").asText()).isEqualTo("missed while the scheduler was not running; catch_up: latest runs only the most recent fire");
        assertThat(skipped.get("attempt").asInt()).isZero();
        assertThat(skipped.get("exit_code").isNull()).isTrue();
        assertThat(skipped.get("started").isNull()).isTrue();
        assertThat(skipped.get("trigger").asText()).isEqualTo("catch_up");
        assertThat(log.get(2).get("outputs")).extracting(JsonNode::asText).containsExactly(folder.resolve("lake").toString());
    }

    @Test
    void catchUpNoneSkipsWhatWasMissedAndRunsWhatComesDueAfterTheStart()
    {
        ScheduleConfig config = schedule(WEEKLY_METRICS + "    catch_up: none\n");
        lastHandled(config, "weekly", shanghai(2026, 11, 1, 0, 0));
        TestClock clock = new TestClock(shanghai(2026, 11, 20, 12, 0));
        Instant started = clock.instant();
        FakeXingcun xingcun = new FakeXingcun();
        Scheduler scheduler = scheduler(config, xingcun, clock);
        scheduler.runDue(started);
        assertThat(xingcun.runs()).isEmpty();
        assertThat(RunLogLines.read(config.runLog())).extracting(line -> line.get("status").asText() + " " + line.get("scheduled_for").asText() + " " + line.get("reason").asText())
                .containsExactly("skipped 2026-11-02T07:00:00+08:00 missed while the scheduler was not running; catch_up: none runs no missed fire",
                        "skipped 2026-11-09T07:00:00+08:00 missed while the scheduler was not running; catch_up: none runs no missed fire",
                        "skipped 2026-11-16T07:00:00+08:00 missed while the scheduler was not running; catch_up: none runs no missed fire");

        clock.advance(Duration.ofDays(3));
        scheduler.runDue(started);
        assertThat(xingcun.runs()).containsExactly(List.of("metrics", "--lake", folder.resolve("lake").toString(), "--period", "2026-11", "--format", "csv",
                "--out", folder.resolve("exports/weekly-2026-11-23.csv").toString()));
        assertThat(RunLogLines.read(config.runLog()).get(3).get("trigger").asText()).isEqualTo("schedule");
    }

    @Test
    void firesThatComeDueWhileTheJobRunsAreCoalescedByLatestAndQueuedByAll()
    {
        for (String catchUp : List.of("latest", "all")) {
            Path runLog = folder.resolve(catchUp + ".jsonl");
            ScheduleConfig config = schedule("run_log: " + runLog.getFileName(), NIGHTLY_INGEST.replace("30 1 * * *", "0 * * * *") + "    catch_up: " + catchUp + "\n");
            TestClock clock = new TestClock(shanghai(2026, 11, 30, 11, 0).plusSeconds(30));
            lastHandled(config, "nightly", shanghai(2026, 11, 30, 10, 0));
            FakeXingcun xingcun = new FakeXingcun();
            // the 11:00 run takes three hours: 12:00, 13:00 and 14:00 come due while it runs
            xingcun.duringRun(() -> {
                if (xingcun.runs().size() == 1) {
                    clock.advance(Duration.ofHours(3));
                }
            });
            scheduler(config, xingcun, clock).runDue(clock.instant());
            List<String> log = RunLogLines.read(runLog).stream().map(line -> line.get("status").asText() + " " + line.get("scheduled_for").asText().substring(11, 16)).toList();
            if (catchUp.equals("latest")) {
                assertThat(log).containsExactly("succeeded 11:00", "skipped 12:00", "skipped 13:00", "succeeded 14:00");
                assertThat(RunLogLines.read(runLog).get(1).get("reason").asText())
                        .isEqualTo("came due while an earlier run was in progress; catch_up: latest runs only the most recent fire");
                assertThat(RunLogLines.read(runLog).get(1).get("trigger").asText()).isEqualTo("schedule");
            }
            else {
                assertThat(log).containsExactly("succeeded 11:00", "succeeded 12:00", "succeeded 13:00", "succeeded 14:00");
            }
        }
    }

    @Test
    void jobsRunOneAtATimeOldestFireFirst()
    {
        ScheduleConfig config = schedule(WEEKLY_METRICS + "    catch_up: all\n" + MONTHLY_REPORT);
        lastHandled(config, "weekly", shanghai(2026, 10, 25, 0, 0));
        lastHandled(config, "monthly", shanghai(2026, 10, 25, 0, 0));
        TestClock clock = new TestClock(shanghai(2026, 11, 10, 0, 0));
        scheduler(config, new FakeXingcun(), clock).runDue(clock.instant());
        assertThat(RunLogLines.read(config.runLog())).extracting(line -> line.get("job").asText() + " " + line.get("scheduled_for").asText().substring(0, 10))
                .containsExactly("weekly 2026-10-26", "monthly 2026-11-01", "weekly 2026-11-02", "weekly 2026-11-09");
    }

    @Test
    void onlyAFailedRunIsRetried()
    {
        ScheduleConfig config = schedule(MONTHLY_REPORT + "    retries: 2\n    retry_delay: 0s\n");
        TestClock clock = new TestClock(shanghai(2026, 12, 3, 10, 0));
        JobDefinition monthly = config.job("monthly");

        RunRecord recovered = scheduler(config, new FakeXingcun().exitWith(3, 3), clock).runNow(monthly);
        assertThat(recovered.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(recovered.attempt()).isEqualTo(3);
        RunRecord badArguments = scheduler(config, new FakeXingcun().exitWith(2), clock).runNow(monthly);
        assertThat(badArguments.status()).isEqualTo(RunStatus.FAILED);
        assertThat(badArguments.attempt()).isEqualTo(1);
        RunRecord notPublished = scheduler(config, new FakeXingcun().exitWith(4), clock).runNow(monthly);
        assertThat(notPublished.status()).isEqualTo(RunStatus.NOT_PUBLISHED);
        assertThat(notPublished.reason()).contains("fake failure 4");
        assertThat(notPublished.outputs()).isEmpty();
        RunRecord givenUp = scheduler(config, new FakeXingcun().exitWith(3, 3, 3), clock).runNow(monthly);
        assertThat(givenUp.status()).isEqualTo(RunStatus.FAILED);
        assertThat(givenUp.attempt()).isEqualTo(3);

        assertThat(RunLogLines.read(config.runLog())).extracting(line -> line.get("attempt").asInt() + " " + line.get("status").asText() + " "
                        + line.get("exit_code").asText() + " " + line.get("reason").asText())
                .containsExactly("1 failed 3 fake failure 3", "2 failed 3 fake failure 3", "3 succeeded 0 null",
                        "1 failed 2 fake failure 2",
                        "1 not_published 4 fake failure 4",
                        "1 failed 3 fake failure 3", "2 failed 3 fake failure 3", "3 failed 3 fake failure 3");
        JsonNode runNow = RunLogLines.read(config.runLog()).get(0);
        assertThat(runNow.get("trigger").asText()).isEqualTo("run_now");
        assertThat(runNow.get("scheduled_for").asText()).isEqualTo("2026-12-03T10:00:00+08:00");
        assertThat(runNow.get("period").asText()).isEqualTo("2026-11");
        assertThat(console.text()).contains("xingcun: schedule: monthly: retry 1 of 2 in 0.0 s", "xingcun: schedule: monthly failed (exit 3) in 0.0 s: fake failure 3",
                "xingcun: schedule: monthly not published (exit 4) in 0.0 s: fake failure 4");
    }

    @Test
    void aStopThatCannotWaitRecordsTheRunInterruptedAndTheNextStartCatchesItUp()
            throws Exception
    {
        ScheduleConfig config = schedule(MONTHLY_REPORT);
        lastHandled(config, "monthly", shanghai(2026, 11, 30, 0, 0));
        TestClock clock = new TestClock(shanghai(2026, 12, 1, 6, 0).plusSeconds(1));
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        FakeXingcun stuck = new FakeXingcun().duringRun(() -> {
            running.countDown();
            await(release);
        });
        Scheduler scheduler = scheduler(config, stuck, clock);
        Thread loop = new Thread(scheduler::run);
        loop.start();
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
        scheduler.stop(Duration.ofMillis(200));
        release.countDown();
        loop.join(10_000);

        assertThat(loop.isAlive()).isFalse();
        List<JsonNode> log = RunLogLines.read(config.runLog());
        assertThat(log).hasSize(1);
        assertThat(log.get(0).get("status").asText()).isEqualTo("interrupted");
        assertThat(log.get(0).get("reason").asText()).isEqualTo("the scheduler was stopped before the run finished");
        assertThat(log.get(0).get("exit_code").isNull()).isTrue();
        assertThat(console.text()).contains("xingcun: schedule: stopping: waiting up to 0.2 s for monthly to finish", "xingcun: schedule: monthly interrupted in ",
                "xingcun: schedule: stopped");
        assertThat(ScheduleState.load(config.stateFile(), SHANGHAI).lastHandled("monthly")).contains(shanghai(2026, 11, 30, 0, 0));

        clock.advance(Duration.ofHours(2));
        FakeXingcun restarted = new FakeXingcun();
        scheduler(config, restarted, clock).runDue(clock.instant());
        assertThat(restarted.runs()).hasSize(1);
        JsonNode caughtUp = RunLogLines.read(config.runLog()).get(1);
        assertThat(caughtUp.get("trigger").asText() + " " + caughtUp.get("status").asText() + " " + caughtUp.get("period").asText())
                .isEqualTo("catch_up succeeded 2026-11");
    }

    @Test
    void aStopWaitsForARunThatFinishesInTime()
            throws Exception
    {
        ScheduleConfig config = schedule(MONTHLY_REPORT);
        lastHandled(config, "monthly", shanghai(2026, 11, 30, 0, 0));
        TestClock clock = new TestClock(shanghai(2026, 12, 1, 6, 0).plusSeconds(1));
        CountDownLatch release = new CountDownLatch(1);
        Scheduler scheduler = scheduler(config, new FakeXingcun().duringRun(() -> await(release)), clock);
        Thread loop = new Thread(scheduler::run);
        loop.start();
        console.await("monthly started", Duration.ofSeconds(10));
        Thread stopping = new Thread(() -> scheduler.stop(Duration.ofSeconds(30)));
        stopping.start();
        console.await("stopping: waiting up to 30.0 s for monthly to finish", Duration.ofSeconds(10));
        release.countDown();
        stopping.join(10_000);
        loop.join(10_000);

        assertThat(RunLogLines.read(config.runLog())).extracting(line -> line.get("status").asText()).containsExactly("succeeded");
        assertThat(console.text()).endsWith("xingcun: schedule: stopped\n");
        assertThat(ScheduleState.load(config.stateFile(), SHANGHAI).lastHandled("monthly")).contains(shanghai(2026, 12, 1, 6, 0));
    }

    private ScheduleConfig schedule(String jobs)
    {
        return schedule("", jobs);
    }

    private ScheduleConfig schedule(String settings, String jobs)
    {
        try {
            return ScheduleConfigReader.read(Files.writeString(folder.resolve("schedules.yml"), settings + "\njobs:\n" + jobs));
        }
        catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void lastHandled(ScheduleConfig config, String job, Instant fire)
    {
        ScheduleState.load(config.stateFile(), config.zone()).handled(job, fire);
    }

    private Scheduler scheduler(ScheduleConfig config, FakeXingcun xingcun, Clock clock)
    {
        return new Scheduler(config, new CommandRunner(xingcun.commandLines()), ScheduleState.load(config.stateFile(), config.zone()),
                new RunLog(config.runLog()), clock, console.writer());
    }

    private static Instant shanghai(int year, int month, int day, int hour, int minute)
    {
        return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, SHANGHAI).toInstant();
    }

    private static void await(CountDownLatch latch)
    {
        try {
            latch.await(30, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
