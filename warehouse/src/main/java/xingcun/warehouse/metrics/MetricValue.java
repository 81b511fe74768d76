package xingcun.warehouse.metrics;

import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One value of a metric for one cut: the dimension values (in the order asked), the value, and — for a metric with
 * time and no time dimension — the previous period's value and the relative change.
 */
public record MetricValue(Metric metric, Map<String, Object> dimensions, Double value, Optional<Double> previousValue)
{
    public MetricValue
    {
        requireNonNull(metric, "metric is null");
        dimensions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(requireNonNull(dimensions, "dimensions is null")));
        requireNonNull(previousValue, "previousValue is null");
    }

    /** (value − previous) ÷ previous; empty without a previous value or when it is zero. */
    public Optional<Double> change()
    {
        return previousValue.filter(previous -> previous != 0 && value != null).map(previous -> (value - previous) / previous);
    }
}
