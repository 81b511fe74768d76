package xingcun.cli.schedule;

import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * xingcun report: builds one report for a period into a folder. The command exits 0 when it published the report,
 * 2 for bad arguments, 3 when the run failed and 4 when the report failed its own checks and was not published.
 */
public record ReportAction(Path lake, String kind, SchedulePeriod period, OutputTemplate out, Optional<String> language,
        Optional<String> community, Optional<String> talent)
        implements JobAction
{
    static final List<String> KINDS = List.of("annual", "quarterly", "monthly", "community", "talent");
    static final Set<String> PLACEHOLDERS = Set.of("job", "kind", "period", "date");

    public ReportAction
    {
        requireNonNull(lake, "lake is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(period, "period is null");
        requireNonNull(out, "out is null");
        requireNonNull(language, "language is null");
        requireNonNull(community, "community is null");
        requireNonNull(talent, "talent is null");
    }

    @Override
    public String command()
    {
        return "report";
    }

    @Override
    public Invocation invocation(String jobId, ZonedDateTime scheduledFor)
    {
        String label = period.label(scheduledFor.toLocalDate());
        Path folder = out.resolve(Map.of("job", jobId, "kind", kind, "period", label, "date", scheduledFor.toLocalDate().toString()));
        List<String> arguments = new ArrayList<>(List.of("report", "--lake", lake.toString(), "--kind", kind, "--period", label));
        community.ifPresent(value -> arguments.addAll(List.of("--community", value)));
        talent.ifPresent(value -> arguments.addAll(List.of("--talent", value)));
        arguments.addAll(List.of("--out", folder.toString()));
        language.ifPresent(value -> arguments.addAll(List.of("--lang", value)));
        return new Invocation(arguments, Optional.of(label), List.of(folder.toString()), List.of(folder.getParent()));
    }
}
