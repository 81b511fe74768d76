package xingcun.cluster;

import org.apache.hadoop.conf.Configuration;
import xingcun.pipeline.lake.Lake;
import xingcun.pipeline.lake.Snapshot;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every row of every table of a lake's current snapshot, read with DuckDB (not with the Spark that wrote them), each
 * value as text, rows sorted. The run id is left out: it is the one column two runs of the same inbox differ in.
 */
record LakeContents(long snapshotId, Map<String, List<List<String>>> tables)
{
    LakeContents
    {
        tables = Map.copyOf(tables);
    }

    static LakeContents read(Path lakeFolder)
            throws SQLException
    {
        Lake lake = Lake.open(lakeFolder.toString(), new Configuration());
        Snapshot snapshot = lake.currentSnapshot();
        Map<String, List<List<String>>> tables = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                PreparedStatement query = connection.prepareStatement(
                        "select * exclude (run_id) from read_parquet(?::varchar[], hive_partitioning = true) order by all")) {
            for (String table : snapshot.tables().keySet()) {
                List<String> files = lake.currentFiles(table).stream().map(file -> new org.apache.hadoop.fs.Path(file).toUri().getPath()).toList();
                query.setObject(1, connection.createArrayOf("varchar", files.toArray()));
                tables.put(table, rows(query));
            }
        }
        return new LakeContents(snapshot.id(), tables);
    }

    long rowCount(String table)
    {
        return tables.getOrDefault(table, List.of()).size();
    }

    private static List<List<String>> rows(PreparedStatement query)
            throws SQLException
    {
        List<List<String>> rows = new ArrayList<>();
        try (ResultSet result = query.executeQuery()) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> row = new ArrayList<>(columns);
                for (int column = 1; column <= columns; column++) {
                    row.add(result.getMetaData().getColumnName(column) + "=" + result.getString(column));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
