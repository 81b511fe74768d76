package xingcun.warehouse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes small lakes in the pipeline's format — Parquet files and a snapshot JSON — with DuckDB alone, so the
 * warehouse is tested without Spark. Each table's rows are given as a SQL query over the family's typed source shape.
 */
final class TestLakes
{
    private final Path lake;
    private final Map<String, List<String>> tables = new LinkedHashMap<>();

    TestLakes(Path lake)
    {
        this.lake = lake;
    }

    /** Adds a file to a family: {@code values} is a SQL "values (…), (…)" list in the order of the family's columns. */
    TestLakes add(String family, String values)
            throws SQLException, IOException
    {
        return add(family, values, "");
    }

    /** Adds a file as lakes written before 2026-11-30 held their rows: with each row's key as a column (record_key). */
    TestLakes addWithStoredKeys(String family, String values)
            throws SQLException, IOException
    {
        return add(family, values, ", 'stored key' as record_key");
    }

    private TestLakes add(String family, String values, String moreColumns)
            throws SQLException, IOException
    {
        String relative = family + "/part-" + tables.getOrDefault(family, List.of()).size() + ".parquet";
        Files.createDirectories(lake.resolve(family));
        String shape = Warehouse.resource("sources/" + family + ".sql");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = connection.createStatement()) {
            statement.execute("create table shape as " + shape);
            statement.execute("insert into shape " + values);
            String columns = columnsWithoutYear(statement);
            statement.execute("copy (select " + columns + moreColumns + " from shape) to '" + lake.resolve(relative) + "' (format parquet)");
        }
        tables.computeIfAbsent(family, ignored -> new java.util.ArrayList<>()).add(relative);
        return this;
    }

    void commit()
            throws IOException
    {
        Files.createDirectories(lake.resolve("_snapshots"));
        String tableJson = tables.entrySet().stream()
                .map(entry -> "\"" + entry.getKey() + "\": [" + entry.getValue().stream().map(file -> "\"" + file + "\"").collect(Collectors.joining(", ")) + "]")
                .collect(Collectors.joining(", "));
        Files.writeString(lake.resolve("_snapshots/00000001.json"),
                "{\"id\": 1, \"runId\": \"test-run\", \"committedAt\": \"2026-11-28T00:00:00Z\", \"tables\": {" + tableJson + "}, \"runs\": [\"test-run\"]}");
    }

    /** The year partition lives in the folder name, not in the file, as Spark writes it. */
    private static String columnsWithoutYear(Statement statement)
            throws SQLException
    {
        try (var result = statement.executeQuery("select column_name from information_schema.columns where table_name = 'shape' and column_name <> 'year' order by ordinal_position")) {
            StringBuilder columns = new StringBuilder();
            while (result.next()) {
                columns.append(columns.isEmpty() ? "" : ", ").append(result.getString(1));
            }
            return columns.toString();
        }
    }
}
