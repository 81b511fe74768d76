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
 * <p>
 * {@code limit} is the most rows a chart or table shows (the data CSV always holds every row): a chart of one
 * dimension keeps its largest rows ({@code rank: lowest}: its smallest) and, for a metric that adds up, sums the rest
 * into one; a chart of two keeps the labels of the dimension that is not month or quarter (else the finer one: the
 * talents of a talent × month heatmap, the communities of a sub-district → community treemap), ranked by their total;
 * a table keeps its first rows, in its query's order or ranked by its first metric. A note may say how many it shows
 * of how many with {shown} and {total}.
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
        @JsonProperty("rank") Rank rank,
        @JsonProperty("note_zh") String noteChinese,
        @JsonProperty("note_en") String noteEnglish)
{
    public Section
    {
        requireNonNull(type, "type is null");
        metrics = metrics == null ? List.of() : List.copyOf(metrics);
        by = by == null ? List.of() : List.copyOf(by);
        order = order == null ? List.of() : List.copyOf(order);
        require(limit == null || limit > 0, "section " + id + ": limit is a number of rows, at least 1");
        require(rank == null || limit != null, "section " + id + ": rank says which rows a limit keeps; give limit too");
        rank = rank == null ? Rank.HIGHEST : rank;
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

    /** Which rows a limit keeps: those with the largest values (the default) or the smallest. */
    public enum Rank
    {
        @JsonProperty("highest") HIGHEST,
        @JsonProperty("lowest") LOWEST,
    }

    public enum SectionType
    {
        @JsonProperty("cards") CARDS,
        @JsonProperty("text") TEXT,
        @JsonProperty("chart") CHART,
        @JsonProperty("table") TABLE,
    }
}
