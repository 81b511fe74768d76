package xingcun.cli.schedule;

/** How an attempt (or a fire that did not run) ended, as the run log writes it. */
public enum RunStatus
{
    /** The command exited 0: its outputs are written (a report is published). */
    SUCCEEDED("succeeded"),
    /** The command exited 2 (bad arguments: fix the schedule, no retry) or 3 (the run failed: retried if the job says so). */
    FAILED("failed"),
    /** A report failed its own checks (exit 4) and was not published; retrying would fail the same checks. */
    NOT_PUBLISHED("not_published"),
    /** The fire did not run: missed while the scheduler was down, or superseded, by the job's catch_up. */
    SKIPPED("skipped"),
    /** The scheduler was stopped while the attempt ran; a later start catches the fire up by the job's catch_up. */
    INTERRUPTED("interrupted");

    private final String text;

    RunStatus(String text)
    {
        this.text = text;
    }

    public String text()
    {
        return text;
    }
}
