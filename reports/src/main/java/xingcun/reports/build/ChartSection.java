package xingcun.reports.build;

import xingcun.reports.chart.ChartData;
import xingcun.reports.chart.ChartKind;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A chart of a report: the numbers it draws ({@code data}), every number behind it ({@code allData}, the data CSV:
 * more rows than are drawn when the section has a limit) and, when its metric adds up, the metric's total that every
 * number behind the chart must agree with (a check before the report is published).
 */
public record ChartSection(String id, ChartKind kind, String title, String subtitle, Optional<String> note, ChartData data,
        ChartData allData, Optional<Double> expectedTotal, List<String> metricIds)
{
    public ChartSection
    {
        requireNonNull(id, "id is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(title, "title is null");
        requireNonNull(subtitle, "subtitle is null");
        requireNonNull(note, "note is null");
        requireNonNull(data, "data is null");
        requireNonNull(allData, "allData is null");
        requireNonNull(expectedTotal, "expectedTotal is null");
        metricIds = List.copyOf(metricIds);
    }

    /** A chart that draws every number behind it. */
    public ChartSection(String id, ChartKind kind, String title, String subtitle, Optional<String> note, ChartData data,
            Optional<Double> expectedTotal, List<String> metricIds)
    {
        this(id, kind, title, subtitle, note, data, data, expectedTotal, metricIds);
    }
}
