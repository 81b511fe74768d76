package xingcun.warehouse;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** A query's columns and rows, fully read. Rows are lists of JDBC values (nulls allowed). */
public record QueryResult(List<String> columns, List<List<Object>> rows)
{
    public QueryResult
    {
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        rows = List.copyOf(requireNonNull(rows, "rows is null"));
    }

    static QueryResult from(ResultSet resultSet)
            throws SQLException
    {
        ResultSetMetaData metadata = resultSet.getMetaData();
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= metadata.getColumnCount(); i++) {
            columns.add(metadata.getColumnLabel(i));
        }
        List<List<Object>> rows = new ArrayList<>();
        while (resultSet.next()) {
            Object[] row = new Object[columns.size()];
            for (int i = 0; i < row.length; i++) {
                row[i] = resultSet.getObject(i + 1);
            }
            rows.add(java.util.Collections.unmodifiableList(Arrays.asList(row)));
        }
        return new QueryResult(columns, rows);
    }

    /** The single value of a one-row, one-column result. */
    public Object single()
    {
        if (rows.size() != 1 || columns.size() != 1) {
            throw new IllegalStateException("Invalid single value: " + rows.size() + " rows, " + columns.size() + " columns");
        }
        return rows.get(0).get(0);
    }
}
