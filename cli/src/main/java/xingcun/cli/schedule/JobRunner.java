package xingcun.cli.schedule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;

import static java.util.Objects.requireNonNull;

/**
 * Runs one fire of a job to its end: the command, then retries while it fails with exit 3 and the job allows more,
 * one run-log line per attempt. Exit 2 (bad arguments) and 4 (a report that failed its checks) are not retried:
 * the same arguments and the same data would fail the same way.
 */
final class JobRunner
{
    private static final int BAD_ARGUMENTS = 2;
    private static final int NOT_PUBLISHED = 4;

    private final CommandRunner commands;
    private final RunLog runLog;
    private final ScheduleConsole console;
    private final Clock clock;
    private final ZoneId zone;
    private final StopSignal stop;
    /** The attempt in progress, claimed by whoever records its end: the attempt itself, or a stop that could not wait for it. */
    private final AtomicReference<Attempt> running = new AtomicReference<>();

    JobRunner(CommandRunner commands, RunLog runLog, ScheduleConsole console, Clock clock, ZoneId zone, StopSignal stop)
    {
        this.commands = requireNonNull(commands, "commands is null");
        this.runLog = requireNonNull(runLog, "runLog is null");
        this.console = requireNonNull(console, "console is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.zone = requireNonNull(zone, "zone is null");
        this.stop = requireNonNull(stop, "stop is null");
    }

    /** How a fire ended: its last attempt's record, and whether a stop cut it short (then it is caught up at the next start). */
    record FireResult(RunRecord last, boolean cutShort) {}

    FireResult run(JobDefinition job, Instant scheduledFor, Trigger trigger)
    {
        ZonedDateTime at = scheduledFor.atZone(zone);
        Invocation invocation = job.action().invocation(job.id(), at);
        for (int number = 1; ; number++) {
            RunRecord record = attempt(new Attempt(job, at, trigger, number, invocation, now()));
            if (record.status() == RunStatus.INTERRUPTED) {
                return new FireResult(record, true);
            }
            boolean retryable = record.status() == RunStatus.FAILED && record.exitCode().isPresent() && record.exitCode().getAsInt() != BAD_ARGUMENTS;
            if (!retryable || number > job.retries()) {
                return new FireResult(record, false);
            }
            console.say(job.id() + ": retry " + number + " of " + job.retries() + " in " + ScheduleConsole.seconds(job.retryDelay()));
            if (stop.await(job.retryDelay())) {
                return new FireResult(record, true);
            }
        }
    }

    /** The job whose attempt is in progress, if any. */
    Optional<String> runningJob()
    {
        return Optional.ofNullable(running.get()).map(attempt -> attempt.job().id());
    }

    /** Records the attempt in progress as interrupted, when a stop cannot wait for it any longer. */
    void interruptRunning(String reason)
    {
        Attempt attempt = running.getAndSet(null);
        if (attempt != null) {
            record(attempt, RunStatus.INTERRUPTED, OptionalInt.empty(), Optional.of(reason));
        }
    }

    private RunRecord attempt(Attempt attempt)
    {
        JobDefinition job = attempt.job();
        Optional<String> folderProblem = createFolders(attempt.invocation().folders());
        if (folderProblem.isPresent()) {
            return record(attempt, RunStatus.FAILED, OptionalInt.empty(), folderProblem);
        }
        running.set(attempt);
        console.say(job.id() + " started: the run for " + console.time(attempt.scheduledFor().toInstant())
                + attempt.invocation().period().map(period -> ", period " + period).orElse("")
                + (job.retries() > 0 ? ", attempt " + attempt.number() + " of " + (job.retries() + 1) : "")
                + ": xingcun " + String.join(" ", attempt.invocation().arguments()));
        CommandRunner.Result result = commands.run(attempt.invocation().arguments());
        if (!running.compareAndSet(attempt, null)) {
            // a stop that could not wait has already recorded this attempt as interrupted
            return interrupted(attempt, "the scheduler was stopped during the run");
        }
        OptionalInt exitCode = OptionalInt.of(result.exitCode());
        if (result.exitCode() == 0) {
            return record(attempt, RunStatus.SUCCEEDED, exitCode, Optional.empty());
        }
        Optional<String> reason = Optional.of(result.errorLine().orElse("exit code " + result.exitCode() + " without a message"));
        if (stop.requested()) {
            // a stop (Spark's own shutdown hook stops its session too) makes a run fail: that is an interruption, not a failure
            return record(attempt, RunStatus.INTERRUPTED, exitCode, reason.map(line -> "the scheduler was stopped during the run: " + line));
        }
        return record(attempt, result.exitCode() == NOT_PUBLISHED ? RunStatus.NOT_PUBLISHED : RunStatus.FAILED, exitCode, reason);
    }

    private RunRecord record(Attempt attempt, RunStatus status, OptionalInt exitCode, Optional<String> reason)
    {
        OffsetDateTime finished = now();
        RunRecord record = new RunRecord(attempt.job().id(), attempt.trigger(), attempt.scheduledFor().toOffsetDateTime(), Optional.of(attempt.started()),
                Optional.of(finished), attempt.number(), status, exitCode, reason, attempt.invocation().period(),
                status == RunStatus.SUCCEEDED ? attempt.invocation().outputs() : List.of());
        runLog.append(record);
        String took = " in " + ScheduleConsole.seconds(Duration.between(attempt.started(), finished));
        String exit = exitCode.isPresent() ? " (exit " + exitCode.getAsInt() + ")" : "";
        console.say(attempt.job().id() + " " + status.text().replace('_', ' ') + exit + took
                + (status == RunStatus.SUCCEEDED ? ": " + String.join(", ", record.outputs()) : reason.map(text -> ": " + text).orElse("")));
        return record;
    }

    private RunRecord interrupted(Attempt attempt, String reason)
    {
        return new RunRecord(attempt.job().id(), attempt.trigger(), attempt.scheduledFor().toOffsetDateTime(), Optional.of(attempt.started()),
                Optional.of(now()), attempt.number(), RunStatus.INTERRUPTED, OptionalInt.empty(), Optional.of(reason), attempt.invocation().period(), List.of());
    }

    private static Optional<String> createFolders(List<Path> folders)
    {
        for (Path folder : folders) {
            try {
                Files.createDirectories(folder);
            }
            catch (IOException e) {
                return Optional.of("Cannot create folder " + folder + ": " + e.getMessage() + "; fix out in the schedule or the folder's permissions");
            }
        }
        return Optional.empty();
    }

    private OffsetDateTime now()
    {
        return clock.instant().atZone(zone).toOffsetDateTime();
    }

    private record Attempt(JobDefinition job, ZonedDateTime scheduledFor, Trigger trigger, int number, Invocation invocation, OffsetDateTime started) {}
}
