package xingcun.reports.build;

import java.util.List;
import java.util.Optional;

/** A table of a report: headers and rows already written as text in the report's language. */
public record TableSection(String id, String title, Optional<String> note, List<String> columns, List<List<String>> rows, List<String> metricIds)
{
    public TableSection
    {
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
        metricIds = List.copyOf(metricIds);
    }
}
