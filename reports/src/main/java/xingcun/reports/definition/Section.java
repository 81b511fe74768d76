package xingcun.reports.definition;

import com.fasterxml.jackson.annotation.JsonProperty;
import xingcun.reports.chart.ChartKind;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One part of a report, as its definition file says it:
 * {@code cards} (headline metrics with the change against the previous period), {@code text} (a paragraph whose
 * {metric_id} placeholders are filled in), {@code chart} (a metric cut by dimensions, or a named query, drawn as
 * {@code chart}) or {@code table} (metrics cut by a dimension, or a named query).
 */
public record Section(
        @JsonProperty("type") SectionType type,
        @JsonProperty("id") String id,
        @JsonProperty("title_zh") String titleChinese,
        @JsonProperty("title_en") String titleEnglish,
        @JsonProperty("text_zh") String textChinese,
        @JsonProperty("text_en") String textEnglish,
        @JsonProperty("metrics") List<String> metrics,
        @JsonProperty("metric") String metric,
        @JsonProperty("by") List<String> by,
        @JsonProperty("query") String query,
        @JsonProperty("chart") ChartKind chart,
        @JsonProperty("order") List<String> order,
        @JsonProperty("limit") Integer limit,
        @JsonProperty("note_zh") String noteChinese,
        @JsonProperty("note_en") String noteEnglish)
{
    public Section
    {
        requireNonNull(type, "type is null");
        metrics = metrics == null ? List.of() : List.copyOf(metrics);
        by = by == null ? List.of() : List.copyOf(by);
        order = order == null ? List.of() : List.copyOf(order);
        switch (type) {
            case CARDS -> require(!metrics.isEmpty(), "a cards section lists its metrics");
            case TEXT -> require(textChinese != null, "a text section has text_zh");
            case CHART -> {
                require(id != null && id.matches("[a-z0-9_]+"), "a chart section has an id of lower-case letters, digits and _ (it names charts/<id>.svg)");
                require(chart != null, "chart section " + id + " says which chart to draw (" + ChartKind.names() + ")");
                require(metric != null ^ query != null, "chart section " + id + " draws either a metric or a query");
                require(query != null || by.size() == chart.dimensions(),
                        "chart section " + id + ": a " + chart.id() + " chart of a metric needs " + chart.dimensions() + " dimension(s) in by");
            }
            case TABLE -> {
                require(id != null && id.matches("[a-z0-9_]+"), "a table section has an id of lower-case letters, digits and _");
                require((!metrics.isEmpty() && by.size() == 1) ^ (query != null), "table section " + id + " shows either metrics by one dimension or a query");
            }
        }
    }

    public String title(Language language)
    {
        return language.pick(titleChinese, titleEnglish);
    }

    public Optional<String> note(Language language)
    {
        return Optional.ofNullable(language.pick(noteChinese, noteEnglish));
    }

    private static void require(boolean condition, String message)
    {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    public enum SectionType
    {
        @JsonProperty("cards") CARDS,
        @JsonProperty("text") TEXT,
        @JsonProperty("chart") CHART,
        @JsonProperty("table") TABLE,
    }
}
