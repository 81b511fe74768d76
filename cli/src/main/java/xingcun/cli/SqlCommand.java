package xingcun.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import xingcun.warehouse.QueryResult;
import xingcun.warehouse.ReadOnlyQueries;
import xingcun.warehouse.Warehouse;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "sql", mixinStandardHelpOptions = true,
        description = {"Runs one read-only SQL query on the warehouse (DuckDB, no Spark) and prints the result.",
                "Tables: src_*/stg_* (lake), dim_*, fct_*, mart_* (models). Statements that write, ATTACH, COPY, INSTALL or LOAD are refused.",
                "Chinese sorts by pinyin with ORDER BY name COLLATE zh."})
final class SqlCommand
        implements Callable<Integer>
{
    enum Format { table, csv, json, markdown }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    private CommandSpec spec;

    @Option(names = "--lake", required = true, paramLabel = "DIR", description = "Lake folder written by xingcun ingest.")
    private Path lake;

    @Parameters(index = "0", arity = "1", paramLabel = "QUERY", description = "The query, e.g. \"select * from mart_community_scorecard\".")
    private String query;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT", description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE; a .parquet FILE gets Parquet.")
    private Path out;

    @Override
    public Integer call()
            throws IOException
    {
        ReadOnlyQueries.requireReadOnly(query);
        try (Warehouse warehouse = Warehouse.open(lake)) {
            if (out != null && out.toString().endsWith(".parquet")) {
                warehouse.exportParquet(ReadOnlyQueries.withoutTrailingSemicolon(query), out);
                spec.commandLine().getErr().println("xingcun: wrote " + out);
                return ExitCodes.OK;
            }
            QueryResult result = warehouse.query(ReadOnlyQueries.withoutTrailingSemicolon(query), List.of());
            StringWriter text = new StringWriter();
            try (PrintWriter writer = new PrintWriter(text)) {
                switch (format) {
                    case table -> table(result, writer);
                    case csv -> csv(result, writer);
                    case json -> json(result, writer);
                    case markdown -> markdown(result, writer);
                }
            }
            if (out != null) {
                Files.writeString(out, text.toString(), StandardCharsets.UTF_8);
                spec.commandLine().getErr().println("xingcun: wrote " + result.rows().size() + " rows to " + out);
            }
            else {
                spec.commandLine().getOut().print(text);
                spec.commandLine().getOut().flush();
            }
        }
        return ExitCodes.OK;
    }

    private static void table(QueryResult result, PrintWriter out)
    {
        List<List<String>> rows = new ArrayList<>();
        rows.add(result.columns());
        boolean[] numeric = new boolean[result.columns().size()];
        for (List<Object> row : result.rows()) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                Object value = row.get(i);
                numeric[i] |= value instanceof Number;
                cells.add(value == null ? "NULL" : String.valueOf(value));
            }
            rows.add(cells);
        }
        TextTable.print(rows, numeric, out);
        out.println("(" + result.rows().size() + (result.rows().size() == 1 ? " row)" : " rows)"));
    }

    private static void csv(QueryResult result, PrintWriter out)
            throws IOException
    {
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(result.columns().toArray(String[]::new)).get())) {
            for (List<Object> row : result.rows()) {
                printer.printRecord(row);
            }
        }
    }

    private static void json(QueryResult result, PrintWriter out)
            throws IOException
    {
        ArrayNode array = JSON.createArrayNode();
        for (List<Object> row : result.rows()) {
            ObjectNode node = array.addObject();
            for (int i = 0; i < row.size(); i++) {
                Object value = row.get(i);
                node.putPOJO(result.columns().get(i), value instanceof Number || value instanceof Boolean || value == null ? value : String.valueOf(value));
            }
        }
        out.println(JSON.writeValueAsString(array));
    }

    private static void markdown(QueryResult result, PrintWriter out)
    {
        out.println("| " + String.join(" | ", result.columns()) + " |");
        out.println("|" + " --- |".repeat(result.columns().size()));
        for (List<Object> row : result.rows()) {
            out.println("| " + String.join(" | ", row.stream().map(value -> value == null ? "" : String.valueOf(value).replace("|", "\\|")).toList()) + " |");
        }
    }
}
