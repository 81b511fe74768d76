package xingcun.reports.chart;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The numbers behind one chart: label columns first, the value last (one row per bar, slice, cell). It is what
 * data/&lt;id&gt;.csv holds, so a reader can check every drawn number.
 */
public record ChartData(List<String> columns, List<List<Object>> rows)
{
    public ChartData
    {
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        rows = requireNonNull(rows, "rows is null").stream().map(row -> (List<Object>) java.util.Collections.unmodifiableList(new ArrayList<>(row))).toList();
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a chart needs at least a value column");
        }
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("a row has " + row.size() + " cells for " + columns.size() + " columns");
            }
        }
    }

    public boolean isEmpty()
    {
        return rows.isEmpty();
    }

    public int labelColumns()
    {
        return columns.size() - 1;
    }

    /** The sum of the value column; what a total of the metric must equal when the metric adds up. */
    public double total()
    {
        return rows.stream().map(this::value).filter(java.util.Objects::nonNull).mapToDouble(Double::doubleValue).sum();
    }

    public Double value(List<Object> row)
    {
        Object value = row.get(columns.size() - 1);
        return value == null ? null : ((Number) value).doubleValue();
    }

    public String label(List<Object> row, int column)
    {
        Object value = row.get(column);
        return value == null ? "—" : value.toString();
    }

    /** The distinct labels of a column, in the order they first appear. */
    public List<String> labels(int column)
    {
        LinkedHashSet<String> labels = new LinkedHashSet<>();
        rows.forEach(row -> labels.add(label(row, column)));
        return List.copyOf(labels);
    }
}
