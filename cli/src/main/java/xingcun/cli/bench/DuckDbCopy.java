package xingcun.cli.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The contender a DuckDB user would write: {@code COPY (SELECT * FROM read_csv(GLOB, header = true, all_varchar = true))
 * TO OUT (FORMAT parquet)} through the warehouse's own JDBC driver, no extension loaded. DuckDB's CSV reader takes
 * UTF-8 (and latin-1/UTF-16) only, so the bench gives it UTF-8 copies of GBK files. Run as a child JVM by xingcun bench:
 * {@code DuckDbCopy GLOB OUT_FILE}.
 */
public final class DuckDbCopy
{
    private DuckDbCopy() {}

    public static void main(String[] args)
            throws SQLException
    {
        long started = System.nanoTime();
        Properties properties = new Properties();
        properties.setProperty("autoinstall_known_extensions", "false");
        properties.setProperty("autoload_known_extensions", "false");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:", properties); Statement statement = connection.createStatement()) {
            double openMillis = ChildResult.millisSince(started);
            long copyStarted = System.nanoTime();
            statement.execute("copy (select * from read_csv('" + quote(args[0]) + "', header = true, all_varchar = true)) to '" + quote(args[1])
                    + "' (format parquet)");
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("open_ms", openMillis);
            result.put("copy_ms", ChildResult.millisSince(copyStarted));
            ChildResult.print(result);
        }
    }

    private static String quote(String text)
    {
        return text.replace("'", "''");
    }
}
