package xingcun.reports.build;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;

/** CSV with a UTF-8 byte-order mark, so Excel on a Chinese Windows opens the Chinese headers correctly. */
public final class CsvFiles
{
    private CsvFiles() {}

    public static String csv(List<String> columns, List<? extends List<?>> rows)
    {
        StringWriter writer = new StringWriter();
        writer.write('\uFEFF');
        try (CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader(columns.toArray(String[]::new)).get())) {
            for (List<?> row : rows) {
                printer.printRecord(row.stream().map(CsvFiles::cell).toList());
            }
        }
        catch (IOException e) {
            throw new IllegalStateException("writing to a string cannot fail", e);
        }
        return writer.toString();
    }

    /**
     * Whole numbers without a trailing .0: 201, not 201.0. Text that Excel would take for a formula (=, +, -, @ first)
     * is quoted with an apostrophe, so a name typed into a ledger can never run in a reader's spreadsheet.
     */
    private static Object cell(Object value)
    {
        if (value instanceof String text && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        if (value instanceof Double number && number == Math.rint(number) && Math.abs(number) < 1e15) {
            return number.longValue();
        }
        return value;
    }
}
