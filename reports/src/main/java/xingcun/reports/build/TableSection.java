package xingcun.reports.build;

import java.util.List;
import java.util.Optional;

/**
 * A table of a report: headers and the rows it shows, already written as text in the report's language, and every
 * row (the data CSV: more than are shown when the section has a limit).
 */
public record TableSection(String id, String title, Optional<String> note, List<String> columns, List<List<String>> rows, List<List<String>> allRows,
        List<String> metricIds)
{
    public TableSection
    {
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
        allRows = rows.size() == allRows.size() ? rows : allRows.stream().map(List::copyOf).toList();
        metricIds = List.copyOf(metricIds);
    }

    /** A table that shows every row. */
    public TableSection(String id, String title, Optional<String> note, List<String> columns, List<List<String>> rows, List<String> metricIds)
    {
        this(id, title, note, columns, rows, rows, metricIds);
    }
}
