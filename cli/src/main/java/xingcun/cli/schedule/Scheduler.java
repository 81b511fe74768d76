package xingcun.cli.schedule;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static java.util.Objects.requireNonNull;

/**
 * Runs a schedule's jobs when their cron fires, by the injected clock. Jobs run one at a time, oldest fire first:
 * the ingest runs Spark in this process (one session per JVM) and reports share one JavaScript engine. Fires that
 * could not run when due (the scheduler was down, or busy) are run or skipped by each job's catch_up.
 */
public final class Scheduler
{
    /** The longest wait without looking at the clock again, so a clock that is set or a machine that slept is noticed. */
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(1);

    private final ScheduleConfig config;
    private final ScheduleState state;
    private final RunLog runLog;
    private final Clock clock;
    private final ScheduleConsole console;
    private final StopSignal stop = new StopSignal();
    private final CountDownLatch done = new CountDownLatch(1);
    private final JobRunner runner;

    public Scheduler(ScheduleConfig config, CommandRunner commands, ScheduleState state, RunLog runLog, Clock clock, PrintWriter err)
    {
        this.config = requireNonNull(config, "config is null");
        this.state = requireNonNull(state, "state is null");
        this.runLog = requireNonNull(runLog, "runLog is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.console = new ScheduleConsole(err, config.zone());
        this.runner = new JobRunner(commands, runLog, console, clock, config.zone(), stop);
    }

    /** Runs fires as they come due until stop() is called. */
    public void run()
    {
        try {
            Instant started = clock.instant();
            console.say(config.jobs().size() + " jobs from " + config.file() + " in " + config.zone() + "; run log " + runLog.file());
            for (JobDefinition job : config.jobs()) {
                // a job seen for the first time starts from now: the scheduler does not run a cron's whole past
                if (state.lastHandled(job.id()).isEmpty()) {
                    state.handled(job.id(), started);
                }
                console.say(job.id() + " (" + job.action().command() + ", cron \"" + job.cron().expression() + "\", catch_up " + job.catchUp().name().toLowerCase(Locale.ROOT)
                        + "): " + job.cron().nextAfter(clock.instant()).map(next -> "next at " + console.time(next)).orElse("never fires again"));
            }
            Optional<Instant> announced = Optional.empty();
            while (!stop.requested()) {
                runDue(started);
                Instant now = clock.instant();
                Optional<Next> next = next(now);
                if (next.isPresent() && !next.map(Next::fire).equals(announced)) {
                    console.say("waiting; next: " + next.get().job().id() + " at " + console.time(next.get().fire()));
                    announced = next.map(Next::fire);
                }
                Duration wait = next.map(fire -> Duration.between(now, fire.fire())).filter(duration -> duration.compareTo(LONGEST_WAIT) < 0).orElse(LONGEST_WAIT);
                stop.await(wait);
            }
        }
        finally {
            done.countDown();
        }
    }

    /**
     * Deals with every fire due by the clock: records the ones each job's catch_up skips, then runs the oldest
     * remaining fire of any job, and again, until nothing is due. A fire before schedulerStarted was missed while the
     * scheduler was down.
     */
    public void runDue(Instant schedulerStarted)
    {
        while (!stop.requested()) {
            Instant now = clock.instant();
            Optional<Next> next = Optional.empty();
            for (JobDefinition job : config.jobs()) {
                Instant last = state.lastHandled(job.id()).orElse(schedulerStarted);
                CatchUp.FirePlan plan = job.catchUp().plan(job.cron().firesBetween(last, now), schedulerStarted);
                for (CatchUp.SkippedFire skipped : plan.skipped()) {
                    skip(job, skipped, schedulerStarted);
                }
                Optional<Next> candidate = plan.run().map(fire -> new Next(job, fire));
                next = earliest(next, candidate);
            }
            if (next.isEmpty()) {
                return;
            }
            JobDefinition job = next.get().job();
            Instant fire = next.get().fire();
            JobRunner.FireResult result = runner.run(job, fire, fire.isBefore(schedulerStarted) ? Trigger.CATCH_UP : Trigger.SCHEDULE);
            if (!result.cutShort()) {
                state.handled(job.id(), fire);
            }
            job.cron().nextAfter(clock.instant()).ifPresent(after -> console.say(job.id() + ": next at " + console.time(after)));
        }
    }

    /** Runs one job now, its period relative to now; the result's exit code is the command's. */
    public RunRecord runNow(JobDefinition job)
    {
        try {
            return runner.run(job, clock.instant().truncatedTo(ChronoUnit.SECONDS), Trigger.RUN_NOW).last();
        }
        finally {
            done.countDown();
        }
    }

    /**
     * Stops the scheduler: no new attempt starts, a wait ends at once, and a running attempt gets the timeout to
     * finish before it is recorded as interrupted (a killed ingest leaves its lake as it was; a later start catches
     * the fire up by the job's catch_up).
     */
    public void stop(Duration timeout)
    {
        stop.request();
        runner.runningJob().ifPresent(job -> console.say("stopping: waiting up to " + ScheduleConsole.seconds(timeout) + " for " + job + " to finish"));
        try {
            if (!done.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                runner.interruptRunning("the scheduler was stopped before the run finished");
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            runner.interruptRunning("the scheduler was stopped before the run finished");
        }
        console.say("stopped");
    }

    private void skip(JobDefinition job, CatchUp.SkippedFire skipped, Instant schedulerStarted)
    {
        Trigger trigger = skipped.scheduledFor().isBefore(schedulerStarted) ? Trigger.CATCH_UP : Trigger.SCHEDULE;
        ZonedDateTime scheduledFor = skipped.scheduledFor().atZone(config.zone());
        // the period says which month's (quarter's, year's) report a skip left out
        Optional<String> period = job.action().invocation(job.id(), scheduledFor).period();
        runLog.append(new RunRecord(job.id(), trigger, scheduledFor.toOffsetDateTime(), Optional.empty(), Optional.empty(), 0,
                RunStatus.SKIPPED, OptionalInt.empty(), Optional.of(skipped.reason()), period, List.of()));
        state.handled(job.id(), skipped.scheduledFor());
        console.say(job.id() + " skipped the run for " + console.time(skipped.scheduledFor()) + ": " + skipped.reason());
    }

    private Optional<Next> next(Instant now)
    {
        return config.jobs().stream()
                .flatMap(job -> job.cron().nextAfter(now).map(fire -> new Next(job, fire)).stream())
                .min(Comparator.comparing(Next::fire));
    }

    /** The older of two fires; on a tie the job listed first in the schedule, as the loop met it first. */
    private static Optional<Next> earliest(Optional<Next> current, Optional<Next> candidate)
    {
        if (current.isEmpty()) {
            return candidate;
        }
        if (candidate.isPresent() && candidate.get().fire().isBefore(current.get().fire())) {
            return candidate;
        }
        return current;
    }

    private record Next(JobDefinition job, Instant fire) {}
}
