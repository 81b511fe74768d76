package xingcun.warehouse.metrics;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One metric of the catalog: names, definition (口径) in words, unit, and either an aggregate over a model
 * (measure, filter, how a row falls in a period) or a ratio of two other metrics.
 */
public record Metric(
        @JsonProperty("id") String id,
        @JsonProperty("name_zh") String nameChinese,
        @JsonProperty("name_en") String nameEnglish,
        @JsonProperty("definition_zh") String definitionChinese,
        @JsonProperty("definition_en") String definitionEnglish,
        @JsonProperty("unit") String unit,
        @JsonProperty("model") String model,
        @JsonProperty("measure") String measure,
        @JsonProperty("filter") String filter,
        @JsonProperty("period_filter") String periodFilter,
        @JsonProperty("time_column") String timeColumn,
        @JsonProperty("ratio") Ratio ratio,
        @JsonProperty("dimensions") List<String> dimensions,
        @JsonProperty("rollup") String rollup,
        @JsonProperty("headline") boolean headline)
{
    public Metric
    {
        requireNonNull(id, "id is null");
        requireNonNull(nameChinese, "nameChinese is null");
        requireNonNull(nameEnglish, "nameEnglish is null");
        requireNonNull(unit, "unit is null");
        dimensions = dimensions == null ? List.of() : List.copyOf(dimensions);
        if ((ratio == null) == (model == null || measure == null || periodFilter == null)) {
            throw new IllegalArgumentException("Invalid metric " + id + ": give either model, measure and period_filter, or ratio");
        }
    }

    public boolean isRatio()
    {
        return ratio != null;
    }

    /** A metric that is one metric divided by another, both cut the same way. */
    public record Ratio(@JsonProperty("numerator") String numerator, @JsonProperty("denominator") String denominator) {}
}
