package xingcun.reports.notebook;

import static java.util.Objects.requireNonNull;

/** A piece of a notebook in document order: prose (already HTML), a named query, or a chart of a query's result. */
public sealed interface Cell
{
    /** The line of the notebook file the cell starts on, for error messages. */
    int line();

    /** Markdown rendered to HTML by CommonMark with raw HTML escaped: safe to insert as it is. */
    record Prose(String html, int line)
            implements Cell
    {
        public Prose
        {
            requireNonNull(html, "html is null");
        }
    }

    /** A ```sql NAME block; the name may be empty or invalid, which makes the cell fail when run. */
    record Query(String name, String sql, int line)
            implements Cell
    {
        public Query
        {
            requireNonNull(name, "name is null");
            requireNonNull(sql, "sql is null");
        }
    }

    /** A ```chart block as written (YAML); read when run, so a mistake fails this cell only. */
    record Chart(String yaml, int line)
            implements Cell
    {
        public Chart
        {
            requireNonNull(yaml, "yaml is null");
        }
    }
}
