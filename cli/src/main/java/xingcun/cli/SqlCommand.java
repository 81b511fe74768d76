package xingcun.cli;

import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
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
import java.util.concurrent.Callable;

@Command(name = "sql", mixinStandardHelpOptions = true,
        description = {"Runs one read-only SQL query on the warehouse (DuckDB, no Spark) and prints the result; without a query, an interactive shell.",
                "Tables: src_*/stg_* (lake), dim_*, fct_*, mart_* (models). Only queries run (no writes, ATTACH, COPY, LOAD or INSTALL).",
                "Chinese sorts by pinyin with ORDER BY name COLLATE zh."})
final class SqlCommand
        implements Callable<Integer>
{
    enum Format { table, csv, json, markdown }

    @Spec
    private CommandSpec spec;

    @Option(names = "--lake", required = true, paramLabel = "DIR", description = "Lake folder written by xingcun ingest.")
    private Path lake;

    @Parameters(index = "0", arity = "0..1", paramLabel = "QUERY", description = "The query, e.g. \"select * from mart_community_scorecard\"; without one, an interactive shell.")
    private String query;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT", description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE; a .parquet FILE gets Parquet, an .xlsx FILE a workbook.")
    private Path out;

    @Override
    public Integer call()
            throws IOException
    {
        OutputFiles.requireFolderExists(out);
        if (query == null) {
            try (Warehouse warehouse = Warehouse.open(lake); Terminal terminal = TerminalBuilder.builder().system(true).build()) {
                new SqlShell(warehouse, terminal, Path.of(System.getProperty("user.home"), ".xingcun_history")).run();
            }
            return ExitCodes.OK;
        }
        ReadOnlyQueries.requireReadOnly(query); // refuse a write before the warehouse takes seconds to open
        try (Warehouse warehouse = Warehouse.open(lake)) {
            if (out != null && out.toString().endsWith(".xlsx")) {
                QueryResult result = warehouse.runUserQuery(query);
                XlsxOutput.write(out, "query", result.columns(), result.rows());
                spec.commandLine().getErr().println("xingcun: wrote " + result.rows().size() + " rows to " + out);
                return ExitCodes.OK;
            }
            if (out != null && out.toString().endsWith(".parquet")) {
                warehouse.exportParquet(query, out);
                spec.commandLine().getErr().println("xingcun: wrote " + out);
                return ExitCodes.OK;
            }
            QueryResult result = warehouse.runUserQuery(query);
            StringWriter text = new StringWriter();
            try (PrintWriter writer = new PrintWriter(text)) {
                switch (format) {
                    case table -> ResultFormats.table(result, writer);
                    case csv -> ResultFormats.csv(result, writer);
                    case json -> ResultFormats.json(result, writer);
                    case markdown -> ResultFormats.markdown(result, writer);
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
}
