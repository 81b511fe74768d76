package xingcun.cli;

import java.io.PrintWriter;
import java.util.List;

/** A plain-text table for the terminal: columns padded to their widest cell, CJK counted double, numbers right-aligned. */
final class TextTable
{
    private TextTable() {}

    /** @param numeric which columns hold numbers (right-aligned) */
    static void print(List<List<String>> rows, boolean[] numeric, PrintWriter out)
    {
        int columns = rows.isEmpty() ? 0 : rows.get(0).size();
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], NumberText.displayWidth(row.get(i)));
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                String cell = row.get(i);
                String padding = " ".repeat(widths[i] - NumberText.displayWidth(cell));
                line.append(numeric[i] ? padding + cell : cell + padding).append(i + 1 < columns ? "  " : "");
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
