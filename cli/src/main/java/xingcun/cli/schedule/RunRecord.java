package xingcun.cli.schedule;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static java.util.Objects.requireNonNull;

/**
 * One line of the run log: one attempt of a job, or one fire that did not run (skipped: attempt 0, no start, no
 * exit code). The reason is the command's own error line, or why the fire was skipped or interrupted.
 */
public record RunRecord(
        String job,
        Trigger trigger,
        OffsetDateTime scheduledFor,
        Optional<OffsetDateTime> started,
        Optional<OffsetDateTime> finished,
        int attempt,
        RunStatus status,
        OptionalInt exitCode,
        Optional<String> reason,
        Optional<String> period,
        List<String> outputs)
{
    public RunRecord
    {
        requireNonNull(job, "job is null");
        requireNonNull(trigger, "trigger is null");
        requireNonNull(scheduledFor, "scheduledFor is null");
        requireNonNull(started, "started is null");
        requireNonNull(finished, "finished is null");
        requireNonNull(status, "status is null");
        requireNonNull(exitCode, "exitCode is null");
        requireNonNull(reason, "reason is null");
        requireNonNull(period, "period is null");
        outputs = List.copyOf(requireNonNull(outputs, "outputs is null"));
    }
}
