package xingcun.cli.schedule;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * When a job fires: a cron expression read in the schedule's time zone. Five fields are crontab's (minute hour
 * day-of-month month day-of-week), what district staff find in every cron guide; six put seconds first, for jobs
 * (and tests) that fire more often than once a minute.
 */
public final class CronSchedule
{
    private static final CronParser CRONTAB = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    private static final CronParser WITH_SECONDS = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.SPRING53));

    private final String expression;
    private final ZoneId zone;
    private final ExecutionTime executionTime;

    private CronSchedule(String expression, ZoneId zone, ExecutionTime executionTime)
    {
        this.expression = expression;
        this.zone = zone;
        this.executionTime = executionTime;
    }

    /** Throws IllegalArgumentException with the parser's reason when the expression is not a valid cron. */
    public static CronSchedule parse(String expression, ZoneId zone)
    {
        requireNonNull(expression, "expression is null");
        requireNonNull(zone, "zone is null");
        String trimmed = expression.strip();
        CronParser parser = trimmed.split("\\s+").length == 6 ? WITH_SECONDS : CRONTAB;
        Cron cron = parser.parse(trimmed).validate();
        return new CronSchedule(trimmed, zone, ExecutionTime.forCron(cron));
    }

    public String expression()
    {
        return expression;
    }

    /** The first fire strictly after this instant, if the expression ever fires again. */
    public Optional<Instant> nextAfter(Instant instant)
    {
        // from the whole second: with a seconds field the library would keep the instant's fraction in the fire time
        return executionTime.nextExecution(ZonedDateTime.ofInstant(instant, zone).truncatedTo(ChronoUnit.SECONDS)).map(ZonedDateTime::toInstant);
    }

    /** Every fire in (after, until], oldest first. */
    public List<Instant> firesBetween(Instant after, Instant until)
    {
        List<Instant> fires = new ArrayList<>();
        Optional<Instant> next = nextAfter(after);
        while (next.isPresent() && !next.get().isAfter(until)) {
            fires.add(next.get());
            next = nextAfter(next.get());
        }
        return fires;
    }
}
