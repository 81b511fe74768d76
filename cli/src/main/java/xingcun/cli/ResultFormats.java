package xingcun.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import xingcun.warehouse.QueryResult;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A query result as a terminal table, CSV, JSON or Markdown. */
final class ResultFormats
{
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultFormats() {}

    static void table(QueryResult result, PrintWriter out)
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

    static void csv(QueryResult result, PrintWriter out)
            throws IOException
    {
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(result.columns().toArray(String[]::new)).get())) {
            for (List<Object> row : result.rows()) {
                printer.printRecord(row);
            }
        }
    }

    static void json(QueryResult result, PrintWriter out)
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

    static void markdown(QueryResult result, PrintWriter out)
    {
        out.println("| " + String.join(" | ", result.columns()) + " |");
        out.println("|" + " --- |".repeat(result.columns().size()));
        for (List<Object> row : result.rows()) {
            out.println("| " + String.join(" | ", row.stream().map(value -> value == null ? "" : String.valueOf(value).replace("|", "\\|")).toList()) + " |");
        }
    }
}
