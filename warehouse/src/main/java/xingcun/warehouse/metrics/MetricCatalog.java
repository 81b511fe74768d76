package xingcun.warehouse.metrics;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import xingcun.warehouse.WarehouseErrorCode;
import xingcun.warehouse.WarehouseException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The metric catalog of metrics.yml: find a metric or a dimension by id; the headline set. */
public final class MetricCatalog
{
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Map<String, Metric> metrics = new LinkedHashMap<>();
    private final Map<String, Dimension> dimensions = new LinkedHashMap<>();

    private MetricCatalog(CatalogFile file)
    {
        file.metrics().forEach(metric -> metrics.put(metric.id(), metric));
        file.dimensions().forEach((id, dimension) -> dimensions.put(id, dimension.withId(id)));
        for (Metric metric : metrics.values()) {
            metric.dimensions().forEach(dimension -> {
                if (!dimensions.containsKey(dimension)) {
                    throw new IllegalStateException("Invalid metric " + metric.id() + " in metrics.yml: unknown dimension " + dimension);
                }
            });
            if (metric.isRatio()) {
                find(metric.ratio().numerator());
                find(metric.ratio().denominator());
            }
        }
    }

    public static MetricCatalog load()
    {
        try (InputStream stream = MetricCatalog.class.getResourceAsStream("/xingcun/warehouse/metrics.yml")) {
            return new MetricCatalog(YAML.readValue(stream, CatalogFile.class));
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read metrics.yml", e);
        }
    }

    public List<Metric> metrics()
    {
        return List.copyOf(metrics.values());
    }

    public static final List<String> TABLE_COLUMNS = List.of("metric_id", "name_zh", "name_en", "definition_zh", "definition_en", "unit",
            "model", "measure", "filter", "period_filter", "time_column", "ratio_numerator", "ratio_denominator", "dimensions", "rollup", "is_headline");

    /** The catalog as rows of {@link #TABLE_COLUMNS}, for the exported database. */
    public List<List<Object>> tableRows()
    {
        return metrics.values().stream().map(metric -> java.util.Arrays.<Object>asList(metric.id(), metric.nameChinese(), metric.nameEnglish(),
                metric.definitionChinese(), metric.definitionEnglish(), metric.unit(), metric.model(), metric.measure(), metric.filter(),
                metric.periodFilter(), metric.timeColumn(), metric.isRatio() ? metric.ratio().numerator() : null,
                metric.isRatio() ? metric.ratio().denominator() : null, String.join(",", metric.dimensions()), metric.rollup(), metric.headline())).toList();
    }

    public List<Metric> headline()
    {
        return metrics.values().stream().filter(Metric::headline).toList();
    }

    public Metric find(String id)
    {
        return Optional.ofNullable(metrics.get(id)).orElseThrow(() -> new WarehouseException(WarehouseErrorCode.INVALID_ARGUMENT,
                "Unknown metric " + id + "; valid metrics: " + String.join(", ", metrics.keySet())));
    }

    public Dimension dimension(String id)
    {
        return Optional.ofNullable(dimensions.get(id)).orElseThrow(() -> new WarehouseException(WarehouseErrorCode.INVALID_ARGUMENT,
                "Unknown dimension " + id + "; valid dimensions: " + String.join(", ", dimensions.keySet())));
    }

    private record CatalogFile(@JsonProperty("dimensions") Map<String, Dimension> dimensions, @JsonProperty("metrics") List<Metric> metrics) {}
}
