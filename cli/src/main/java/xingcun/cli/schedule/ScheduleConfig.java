package xingcun.cli.schedule;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A schedule file as read: its time zone, where the run log goes (the per-job state and the scheduler's lock sit
 * beside it), how long a stop waits for a running job, and the jobs in the file's order.
 */
public record ScheduleConfig(Path file, ZoneId zone, Path runLog, Duration stopTimeout, List<JobDefinition> jobs)
{
    public ScheduleConfig
    {
        requireNonNull(file, "file is null");
        requireNonNull(zone, "zone is null");
        requireNonNull(runLog, "runLog is null");
        requireNonNull(stopTimeout, "stopTimeout is null");
        jobs = List.copyOf(requireNonNull(jobs, "jobs is null"));
    }

    /** The job with this id; an unknown id is one line listing the ids there are. */
    public JobDefinition job(String id)
    {
        return jobs.stream().filter(job -> job.id().equals(id)).findFirst()
                .orElseThrow(() -> new ScheduleException(ScheduleErrorCode.UNKNOWN_JOB, "Unknown job " + id + " in " + file + "; its jobs: "
                        + String.join(", ", jobs.stream().map(JobDefinition::id).toList())));
    }

    /** runs.jsonl → runs.state.json: the last fire handled per job, so a restart knows what it missed. */
    public Path stateFile()
    {
        return runLog.resolveSibling(baseName() + ".state.json");
    }

    /** runs.jsonl → runs.lock: held by the running scheduler, so two schedulers never run the same jobs twice. */
    public Path lockFile()
    {
        return runLog.resolveSibling(baseName() + ".lock");
    }

    private String baseName()
    {
        String name = runLog.getFileName().toString();
        return name.endsWith(".jsonl") ? name.substring(0, name.length() - ".jsonl".length()) : name;
    }
}
