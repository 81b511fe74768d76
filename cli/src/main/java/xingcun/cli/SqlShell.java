package xingcun.cli;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import xingcun.warehouse.ModelDefinition;
import xingcun.warehouse.QueryResult;
import xingcun.warehouse.Warehouse;
import xingcun.warehouse.WarehouseException;
import xingcun.warehouse.metrics.Metric;
import xingcun.warehouse.metrics.MetricCatalog;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * The interactive SQL shell: statements may span lines and end with ';', history is kept in ~/.xingcun_history,
 * dot commands list what there is to query. Every statement passes the read-only guard; errors are one line
 * and the shell goes on.
 */
final class SqlShell
{
    private static final String HELP = """
            Statements end with ';' and may span lines. The warehouse is read-only.
              .tables          models and sources, with their grain
              .schema NAME     the columns of a model
              .metrics         the metric catalog
              .help            this text
              .quit            leave (also Ctrl-D)
            Chinese sorts by pinyin with ORDER BY name COLLATE zh.""";

    private final Warehouse warehouse;
    private final Terminal terminal;
    private final Path historyFile;

    SqlShell(Warehouse warehouse, Terminal terminal, Path historyFile)
    {
        this.warehouse = warehouse;
        this.terminal = terminal;
        this.historyFile = historyFile;
    }

    void run()
    {
        LineReader reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .variable(LineReader.HISTORY_FILE, historyFile)
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, "     -> ")
                .build();
        PrintWriter out = terminal.writer();
        out.println("xingcun sql: lake snapshot " + warehouse.snapshot().id() + ", " + warehouse.models().size() + " models. Type .help for help.");
        StringBuilder statement = new StringBuilder();
        while (true) {
            String line;
            try {
                line = reader.readLine(statement.isEmpty() ? "xingcun> " : "     -> ");
            }
            catch (UserInterruptException interrupted) {
                statement.setLength(0); // Ctrl-C drops the statement being typed
                continue;
            }
            catch (EndOfFileException end) {
                return;
            }
            String trimmed = line.strip();
            if (statement.isEmpty() && trimmed.startsWith(".")) {
                if (!dotCommand(trimmed, out)) {
                    return;
                }
                continue;
            }
            statement.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                execute(statement.toString(), out);
                statement.setLength(0);
            }
            out.flush();
        }
    }

    /** Runs a dot command; false when the shell should end. */
    private boolean dotCommand(String command, PrintWriter out)
    {
        String[] words = command.split("\\s+");
        switch (words[0]) {
            case ".quit", ".exit" -> {
                return false;
            }
            case ".help" -> out.println(HELP);
            case ".tables" -> {
                for (ModelDefinition model : warehouse.models()) {
                    out.printf("%-36s %s%n", model.name(), model.grain());
                }
                Warehouse.FAMILIES.forEach(family -> out.printf("%-36s %s%n", "src_" + family, "the lake's " + family + " as ingested"));
            }
            case ".schema" -> {
                if (words.length != 2) {
                    out.println("Usage: .schema NAME");
                }
                else {
                    QueryResult columns = warehouse.query("select column_name, data_type, is_nullable from duckdb_columns() where table_name = ? order by column_index",
                            List.of(words[1]));
                    if (columns.rows().isEmpty()) {
                        out.println("No model or source named " + words[1] + "; .tables lists them");
                    }
                    else {
                        ResultFormats.table(columns, out);
                    }
                }
            }
            case ".metrics" -> {
                for (Metric metric : MetricCatalog.load().metrics()) {
                    out.printf("%-36s %s / %s (%s)%n", metric.id(), metric.nameChinese(), metric.nameEnglish(), metric.unit());
                }
            }
            default -> out.println("Unknown command " + words[0] + "; type .help");
        }
        out.flush();
        return true;
    }

    private void execute(String sql, PrintWriter out)
    {
        try {
            QueryResult result = warehouse.runUserQuery(sql);
            ResultFormats.table(result, out);
        }
        catch (WarehouseException e) {
            out.println("Error: " + e.getMessage());
        }
        out.flush();
    }
}
