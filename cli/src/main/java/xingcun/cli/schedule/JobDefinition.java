package xingcun.cli.schedule;

import java.time.Duration;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/** One job of a schedule: when it fires, what it runs, what it does with missed fires, and how often it retries a failed run. */
public record JobDefinition(String id, CronSchedule cron, JobAction action, CatchUp catchUp, int retries, Duration retryDelay)
{
    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    public JobDefinition
    {
        requireNonNull(id, "id is null");
        requireNonNull(cron, "cron is null");
        requireNonNull(action, "action is null");
        requireNonNull(catchUp, "catchUp is null");
        requireNonNull(retryDelay, "retryDelay is null");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("Invalid job id '" + id + "': use letters, digits, '-', '_' and '.'");
        }
        if (retries < 0 || retryDelay.isNegative()) {
            throw new IllegalArgumentException("Invalid job " + id + ": retries and retry_delay cannot be negative");
        }
    }
}
