package xingcun.reports.notebook;

import xingcun.warehouse.QueryResult;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** What running a cell gave: prose as it is, a query's result or its error, a chart's option or its error. */
public sealed interface CellOutcome
{
    int line();

    /** The error that stopped the cell, if it failed. */
    default Optional<String> error()
    {
        return Optional.empty();
    }

    /** How a message names the cell: query NAME or chart "TITLE", with its line. */
    String label();

    record Prose(String html, int line)
            implements CellOutcome
    {
        public Prose
        {
            requireNonNull(html, "html is null");
        }

        @Override
        public String label()
        {
            return "prose (line " + line + ")";
        }
    }

    record Query(String name, String sql, int line, Optional<QueryResult> result, Optional<String> error)
            implements CellOutcome
    {
        public Query
        {
            requireNonNull(name, "name is null");
            requireNonNull(sql, "sql is null");
            requireNonNull(result, "result is null");
            requireNonNull(error, "error is null");
        }

        @Override
        public String label()
        {
            return "query " + (name.isEmpty() ? "without a name" : name) + " (line " + line + ")";
        }
    }

    /** A chart: its kind's id (for the box's height), its option JSON as ChartOptions made it, or nothing when its result has no rows, or its error. */
    record Chart(String id, String kind, String title, String data, int line, Optional<String> optionJson, Optional<String> error)
            implements CellOutcome
    {
        public Chart
        {
            requireNonNull(id, "id is null");
            requireNonNull(kind, "kind is null");
            requireNonNull(title, "title is null");
            requireNonNull(data, "data is null");
            requireNonNull(optionJson, "optionJson is null");
            requireNonNull(error, "error is null");
        }

        @Override
        public String label()
        {
            return "chart " + (title.isEmpty() ? id : "\"" + title + "\"") + " (line " + line + ")";
        }
    }
}
