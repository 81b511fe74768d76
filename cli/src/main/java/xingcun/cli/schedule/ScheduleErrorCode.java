package xingcun.cli.schedule;

/** What went wrong with a schedule, by category; the schedule command maps each to an exit code. */
public enum ScheduleErrorCode
{
    /** The schedule file cannot be used as written: fix it and start again (exit 2). */
    INVALID_CONFIG,
    /** --run-now named a job the schedule file does not have (exit 2). */
    UNKNOWN_JOB,
    /** Another scheduler already runs this schedule file's jobs (exit 3). */
    ALREADY_RUNNING,
    /** The run log or the schedule's state cannot be read or written (exit 3). */
    STATE_FAILED,
}
