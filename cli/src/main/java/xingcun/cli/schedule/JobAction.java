package xingcun.cli.schedule;

import java.time.ZonedDateTime;

/** What a job does when it fires: one xingcun command, its arguments built for the time the run was scheduled for. */
public sealed interface JobAction
        permits IngestAction, ReportAction, MetricsAction
{
    /** The command's name, as in the schedule's run: key. */
    String command();

    /** The run scheduled at this time (in the schedule's zone): relative periods and placeholders are resolved from it. */
    Invocation invocation(String jobId, ZonedDateTime scheduledFor);
}
