package xingcun.cli.schedule;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import static java.util.Objects.requireNonNull;

/** The scheduler's lines on stderr: what started, how it ended, what was skipped, and when the next fire is. */
final class ScheduleConsole
{
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");

    private final PrintWriter err;
    private final ZoneId zone;

    ScheduleConsole(PrintWriter err, ZoneId zone)
    {
        this.err = requireNonNull(err, "err is null");
        this.zone = requireNonNull(zone, "zone is null");
    }

    void say(String text)
    {
        err.println("xingcun: schedule: " + text);
        err.flush();
    }

    String time(Instant instant)
    {
        return TIME.format(instant.atZone(zone));
    }

    static String seconds(Duration duration)
    {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }
}
