package xingcun.warehouse;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * The warehouse over one lake: an in-memory DuckDB whose views read the Parquet files of the lake's last committed
 * snapshot — source views, then the models of models.yml in order. Nothing is written anywhere, so any number of
 * readers can run beside an ingest without locks, each seeing the lake as of its last commit.
 * <p>
 * A model declared {@code materialized: table} (the dimensions and marts: small, but joins and aggregates over the
 * facts) stays a view until a query first names it; it is then computed once into an in-memory table of the same name,
 * which every later query of this warehouse reads. The table holds exactly what the view returned: both read the
 * files of the snapshot the warehouse was opened on, and that never changes.
 */
public final class Warehouse
        implements AutoCloseable
{
    public static final List<String> FAMILIES = List.of("communities", "talents", "service_logs", "trainings", "training_attendance",
            "ip_outputs", "industry_outputs", "projects", "evaluations", "youth_talents");
    private static final String RESOURCES = "/xingcun/warehouse/";
    private static final boolean TRACE = Boolean.getBoolean("xingcun.sql.trace");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()).disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Connection connection;
    private final LakeSnapshot snapshot;
    private final List<ModelDefinition> models;
    /** The pattern that finds each model's name in a query, in build order. */
    private final Map<String, Pattern> modelNames = new LinkedHashMap<>();
    /** The models kept as tables that are still views; a name leaves when its table is computed. */
    private final Set<String> pendingTables = new HashSet<>();
    /** The views whose own SQL has been looked through for table-kept models they read. */
    private final Set<String> viewsLookedThrough = new HashSet<>();

    private Warehouse(Connection connection, LakeSnapshot snapshot, List<ModelDefinition> models)
    {
        this.connection = connection;
        this.snapshot = snapshot;
        this.models = List.copyOf(models);
        for (ModelDefinition model : this.models) {
            modelNames.put(model.name(), Pattern.compile("(?i)(?<![\\w$])" + Pattern.quote(model.name()) + "(?![\\w$])"));
            if (model.isTable()) {
                pendingTables.add(model.name());
            }
        }
    }

    public static Warehouse open(Path lake)
    {
        requireNonNull(lake, "lake is null");
        // DuckDB's start (its native library unpacked and loaded, a database created) takes a second or more: it runs
        // on its own thread while this one reads the snapshot and the model definitions
        CompletableFuture<Connection> connecting = new CompletableFuture<>();
        Thread connector = new Thread(() -> {
            try {
                connecting.complete(connect());
            }
            catch (SQLException | RuntimeException | Error e) {
                connecting.completeExceptionally(e);
            }
        }, "xingcun-warehouse-start");
        connector.setDaemon(true);
        connector.start();
        LakeSnapshot snapshot;
        List<ModelDefinition> models;
        try {
            snapshot = LakeSnapshot.latest(lake.toAbsolutePath());
            models = modelDefinitions();
        }
        catch (RuntimeException | Error e) {
            connecting.thenAccept(Warehouse::closeQuietly);
            throw e;
        }
        Connection connection;
        try {
            connection = connecting.join();
        }
        catch (CompletionException e) {
            if (e.getCause() instanceof SQLException cause) {
                throw new WarehouseException(WarehouseErrorCode.QUERY_FAILED, "Cannot build the warehouse over " + lake + ": " + firstLine(cause), cause);
            }
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
        try {
            Warehouse warehouse = new Warehouse(connection, snapshot, models);
            warehouse.build();
            return warehouse;
        }
        catch (SQLException e) {
            closeQuietly(connection);
            throw new WarehouseException(WarehouseErrorCode.QUERY_FAILED, "Cannot build the warehouse over " + lake + ": " + firstLine(e), e);
        }
    }

    private static Connection connect()
            throws SQLException
    {
        Properties properties = new Properties();
        // nothing may be fetched at run time: parquet, json and icu are built into the JDBC driver
        properties.setProperty("autoinstall_known_extensions", "false");
        properties.setProperty("autoload_known_extensions", "false");
        return DriverManager.getConnection("jdbc:duckdb:", properties);
    }

    private static void closeQuietly(Connection connection)
    {
        try {
            connection.close();
        }
        catch (SQLException ignored) {
            // a warehouse that was never handed out
        }
    }

    public LakeSnapshot snapshot()
    {
        return snapshot;
    }

    public List<ModelDefinition> models()
    {
        return models;
    }

    /** Runs a query with bound parameters and returns every row. */
    public synchronized QueryResult query(String sql, List<?> parameters)
    {
        materializeNamedIn(sql);
        long started = System.nanoTime();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet resultSet = statement.executeQuery()) {
                QueryResult result = QueryResult.from(resultSet);
                trace(started, sql);
                return result;
            }
        }
        catch (SQLException e) {
            throw new WarehouseException(WarehouseErrorCode.QUERY_FAILED, firstLine(e), e);
        }
    }

    /** Runs a user's ad hoc query after both read-only guards. */
    public QueryResult runUserQuery(String sql)
    {
        return runUserQuery(sql, List.of());
    }

    /** A user's query with values bound to its '?' placeholders (a notebook's parameters), after both read-only guards. */
    public QueryResult runUserQuery(String sql, List<?> parameters)
    {
        String query = requireSingleReadOnlyQuery(sql);
        return query(query, parameters);
    }

    /**
     * Checks a user's statement with DuckDB's parser: exactly one SELECT-shaped statement (json_serialize_sql
     * serialises only those), so no comment, quote or second statement can smuggle a write past the guard.
     */
    private String requireSingleReadOnlyQuery(String sql)
    {
        ReadOnlyQueries.requireReadOnly(sql);
        String query = ReadOnlyQueries.withoutTrailingSemicolon(sql);
        String serialized = (String) query("select cast(json_serialize_sql(cast(? as varchar)) as varchar)", List.of(query)).single();
        try {
            com.fasterxml.jackson.databind.JsonNode parsed = new ObjectMapper().readTree(serialized);
            if (parsed.path("error").asBoolean()) {
                if ("parser".equals(parsed.path("error_type").asText())) {
                    throw new WarehouseException(WarehouseErrorCode.QUERY_FAILED, "Parser Error: " + parsed.path("error_message").asText()
                            + " (at character " + parsed.path("position").asText("?") + ")");
                }
                throw new WarehouseException(WarehouseErrorCode.INVALID_ARGUMENT,
                        "Refused: the warehouse is read-only and only plain queries are run (SELECT, WITH, FROM, DESCRIBE, SHOW, SUMMARIZE)");
            }
            if (parsed.path("statements").size() != 1) {
                throw new WarehouseException(WarehouseErrorCode.INVALID_ARGUMENT, "Refused: give one statement at a time");
            }
        }
        catch (IOException e) {
            throw new WarehouseException(WarehouseErrorCode.QUERY_FAILED, "Cannot check the query: " + e.getMessage(), e);
        }
        return query;
    }

    /** Writes a user's query result as a Parquet file (COPY is ours to use, never the user's). */
    public void exportParquet(String sql, Path file)
    {
        String query = requireSingleReadOnlyQuery(sql);
        materializeNamedIn(query);
        try (Statement statement = connection.createStatement()) {
            statement.execute("copy (" + query + ") to '" + file.toAbsolutePath().toString().replace("'", "''") + "' (format parquet)");
        }
        catch (SQLException e) {
            throw new WarehouseException(WarehouseErrorCode.QUERY_FAILED, firstLine(e), e);
        }
    }

    /**
     * Writes the models as tables, the metric catalog and the division table into a new DuckDB database file that
     * DuckDB 1.4+ clients (CLI, DBeaver, Node, Python) can open: it is written in the 1.4 storage format.
     */
    public synchronized void exportDatabase(Path file, List<List<Object>> metricCatalogRows, List<String> metricCatalogColumns)
    {
        models.forEach(model -> materializeNamedIn(model.name()));
        String target = file.toAbsolutePath().toString().replace("'", "''");
        try (Statement statement = connection.createStatement()) {
            statement.execute("attach '" + target + "' as export (storage_version 'v1.4.0')");
            try {
                statement.execute("create table export.division as select * from division");
                for (ModelDefinition model : models) {
                    statement.execute("create table export." + model.name() + " as select * from " + model.name());
                    statement.execute("comment on table export." + model.name() + " is '" + model.grain().replace("'", "''") + "'");
                }
                statement.execute("create table export.metric_catalog (" + String.join(" varchar, ", metricCatalogColumns) + " varchar)");
                try (PreparedStatement insert = connection.prepareStatement("insert into export.metric_catalog values ("
                        + String.join(", ", java.util.Collections.nCopies(metricCatalogColumns.size(), "?")) + ")")) {
                    for (List<Object> row : metricCatalogRows) {
                        for (int i = 0; i < row.size(); i++) {
                            insert.setObject(i + 1, row.get(i) == null ? null : String.valueOf(row.get(i)));
                        }
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                statement.execute("create table export.lake_snapshot as select " + snapshot.id() + " as snapshot_id, '"
                        + String.join(",", snapshot.runs()).replace("'", "''") + "' as runs, now() as exported_at");
            }
            finally {
                statement.execute("detach export");
            }
        }
        catch (SQLException e) {
            try {
                java.nio.file.Files.deleteIfExists(file); // no half-written database left to block the retry
            }
            catch (IOException ignored) {
                // the message below names the file
            }
            throw new WarehouseException(WarehouseErrorCode.QUERY_FAILED, "Cannot export to " + file + ": " + firstLine(e), e);
        }
    }

    @Override
    public void close()
    {
        try {
            connection.close();
        }
        catch (SQLException e) {
            throw new WarehouseException(WarehouseErrorCode.QUERY_FAILED, "Cannot close the warehouse: " + firstLine(e), e);
        }
    }

    private void build()
            throws SQLException
    {
        try (Statement statement = connection.createStatement()) {
            // a lake file is never changed once committed (an update writes a new file): every query after the first
            // may reuse its footer instead of reading and parsing it again, which every view over it would otherwise do
            statement.execute("set parquet_metadata_cache = true");
            loadDivisions();
            for (String family : FAMILIES) {
                statement.execute("create view src_" + family + " as " + sourceQuery(family));
            }
            for (ModelDefinition model : models) {
                statement.execute("create view " + model.name() + " as " + resource("models/" + model.name() + ".sql"));
            }
        }
    }

    /**
     * Computes the table-kept models a query reads that are still views — those it names, and those the views it names
     * read — each after those its own SQL names (so a mart reads dimensions computed once, not again). A name inside a
     * string or a comment only computes a table early.
     */
    private void materializeNamedIn(String sql)
    {
        if (pendingTables.isEmpty()) {
            return;
        }
        for (Map.Entry<String, Pattern> model : modelNames.entrySet()) {
            String name = model.getKey();
            boolean pending = pendingTables.contains(name);
            if ((pending || !viewsLookedThrough.contains(name)) && model.getValue().matcher(sql).find()) {
                if (pending) {
                    materialize(name);
                }
                else if (viewsLookedThrough.add(name)) {
                    materializeNamedIn(resource("models/" + name + ".sql"));
                }
            }
        }
    }

    private void materialize(String name)
    {
        pendingTables.remove(name);
        materializeNamedIn(resource("models/" + name + ".sql"));
        String computed = name + "__computed";
        try (Statement statement = connection.createStatement()) {
            statement.execute("begin transaction");
            try {
                long started = System.nanoTime();
                statement.execute("create table " + computed + " as select * from " + name);
                trace(started, "materialize " + name);
                // views naming the model are bound when queried, so from now on they read the table
                statement.execute("drop view " + name);
                statement.execute("alter table " + computed + " rename to " + name);
                statement.execute("commit");
            }
            catch (SQLException e) {
                statement.execute("rollback");
                throw e;
            }
        }
        catch (SQLException e) {
            throw new WarehouseException(WarehouseErrorCode.QUERY_FAILED, "Cannot compute model " + name + ": " + firstLine(e), e);
        }
    }

    /** The family's files in the snapshot, or its typed empty shape when the lake has none yet. */
    private String sourceQuery(String family)
    {
        List<Path> files = snapshot.files(family);
        if (files.isEmpty()) {
            return resource("sources/" + family + ".sql");
        }
        // paths come from the lake's own snapshot, not from a user; quotes are doubled all the same
        String list = files.stream().map(file -> "'" + file.toString().replace("'", "''") + "'").collect(Collectors.joining(", "));
        // files of lakes written before 2026-11-30 also hold each row's key (record_key), which the ingest now makes from
        // the key columns when it needs it: left out, whichever files hold it, so a source's columns are its shape's
        return "select columns(lambda c: c <> 'record_key') from read_parquet([" + list + "], hive_partitioning = true, union_by_name = true)";
    }

    private void loadDivisions()
            throws SQLException
    {
        try (Statement statement = connection.createStatement()) {
            statement.execute("create table division (code varchar primary key, parent_code varchar, name varchar, level varchar, "
                    + "urban_rural_code varchar, longitude_gcj02 double, latitude_gcj02 double, agricultural_subdistrict boolean)");
        }
        try (InputStream stream = Warehouse.class.getResourceAsStream(RESOURCES + "xishan_divisions.csv");
                BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
                PreparedStatement insert = connection.prepareStatement("insert into division values (?, ?, ?, ?, ?, ?, ?, ?)")) {
            reader.readLine();
            String line;
            while ((line = reader.readLine()) != null) {
                String[] cells = line.split(",", -1); // the division table has no quoted cells
                insert.setString(1, cells[0]);
                insert.setString(2, cells[1]);
                insert.setString(3, cells[2]);
                insert.setString(4, cells[3]);
                insert.setString(5, cells[4].isEmpty() ? null : cells[4]);
                insert.setObject(6, cells[5].isEmpty() ? null : Double.valueOf(cells[5]));
                insert.setObject(7, cells[6].isEmpty() ? null : Double.valueOf(cells[6]));
                insert.setBoolean(8, Boolean.parseBoolean(cells[7]));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read the built-in division table", e);
        }
    }

    static List<ModelDefinition> modelDefinitions()
    {
        try (InputStream stream = Warehouse.class.getResourceAsStream(RESOURCES + "models.yml")) {
            return List.of(YAML.readValue(stream, ModelFile.class).models());
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read models.yml", e);
        }
    }

    static String resource(String name)
    {
        try (InputStream stream = Warehouse.class.getResourceAsStream(RESOURCES + name)) {
            if (stream == null) {
                throw new IllegalStateException("Missing warehouse resource " + name);
            }
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read warehouse resource " + name, e);
        }
    }

    /** With -Dxingcun.sql.trace=true every query's time goes to stderr: where a report or a metric spends it. */
    private static void trace(long started, String sql)
    {
        if (TRACE) {
            System.err.printf("xingcun: sql %6.0f ms  %s%n", (System.nanoTime() - started) / 1e6, sql.replaceAll("\\s+", " ").substring(0, Math.min(160, sql.replaceAll("\\s+", " ").length())));
        }
    }

    static String firstLine(SQLException error)
    {
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        return message.lines().map(String::strip).filter(line -> !line.isEmpty()).collect(Collectors.joining(" "));
    }

    private record ModelFile(ModelDefinition[] models) {}
}
