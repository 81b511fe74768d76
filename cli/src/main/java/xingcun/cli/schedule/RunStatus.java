package xingcun.cli.schedule;

import java.util.Locale;

/** How an attempt (or a fire that did not run) ended, as the run log writes it. */
public enum RunStatus
{
    /** The command exited 0: its outputs are written (a report is published). */
    SUCCEEDED,
    /** The command exited 2 (bad arguments: fix the schedule, no retry) or 3 (the run failed: retried if the job says so). */
    FAILED,
    /** A report failed its own checks (exit 4) and was not published; retrying would fail the same checks. */
    NOT_PUBLISHED,
    /** The fire did not run: missed while the scheduler was down, or superseded, by the job's catch_up. */
    SKIPPED,
    /** The scheduler was stopped while the attempt ran; a later start catches the fire up by the job's catch_up. */
    INTERRUPTED;

    /** As the run log writes it: succeeded, failed, not_published, skipped, interrupted. */
    public String text()
    {
        return name().toLowerCase(Locale.ROOT);
    }
}
