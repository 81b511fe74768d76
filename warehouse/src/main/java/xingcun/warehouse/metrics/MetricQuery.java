package xingcun.warehouse.metrics;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** What to compute: metrics, over a period, cut by dimensions, optionally for one community (code or name) or one talent. */
public record MetricQuery(List<String> metricIds, ReportingPeriod period, List<String> dimensions, Optional<String> community, Optional<String> talent)
{
    public MetricQuery(List<String> metricIds, ReportingPeriod period, List<String> dimensions, Optional<String> community)
    {
        this(metricIds, period, dimensions, community, Optional.empty());
    }

    public MetricQuery
    {
        metricIds = List.copyOf(requireNonNull(metricIds, "metricIds is null"));
        requireNonNull(period, "period is null");
        dimensions = List.copyOf(requireNonNull(dimensions, "dimensions is null"));
        requireNonNull(community, "community is null");
        requireNonNull(talent, "talent is null");
    }
}
