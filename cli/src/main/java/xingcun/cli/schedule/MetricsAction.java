package xingcun.cli.schedule;

import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/** xingcun metrics written to a file: the headline set (or the listed metrics) for a period, cut by the listed dimensions. */
public record MetricsAction(Path lake, SchedulePeriod period, OutputTemplate out, String format, List<String> metrics,
        List<String> dimensions, Optional<String> community, Optional<String> language)
        implements JobAction
{
    static final List<String> FORMATS = List.of("csv", "json", "xlsx");
    static final Set<String> PLACEHOLDERS = Set.of("job", "period", "format", "date");

    public MetricsAction
    {
        requireNonNull(lake, "lake is null");
        requireNonNull(period, "period is null");
        requireNonNull(out, "out is null");
        requireNonNull(format, "format is null");
        metrics = List.copyOf(requireNonNull(metrics, "metrics is null"));
        dimensions = List.copyOf(requireNonNull(dimensions, "dimensions is null"));
        requireNonNull(community, "community is null");
        requireNonNull(language, "language is null");
    }

    @Override
    public String command()
    {
        return "metrics";
    }

    @Override
    public Invocation invocation(String jobId, ZonedDateTime scheduledFor)
    {
        String label = period.label(scheduledFor.toLocalDate());
        Path file = out.resolve(Map.of("job", jobId, "period", label, "format", format, "date", scheduledFor.toLocalDate().toString()));
        List<String> arguments = new ArrayList<>(List.of("metrics", "--lake", lake.toString(), "--period", label, "--format", format, "--out", file.toString()));
        metrics.forEach(metric -> arguments.addAll(List.of("--metric", metric)));
        dimensions.forEach(dimension -> arguments.addAll(List.of("--by", dimension)));
        community.ifPresent(value -> arguments.addAll(List.of("--community", value)));
        language.ifPresent(value -> arguments.addAll(List.of("--lang", value)));
        return new Invocation(arguments, Optional.of(label), List.of(file.toString()), List.of(file.getParent()));
    }
}
