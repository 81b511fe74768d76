package xingcun.pipeline.sample;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import xingcun.pipeline.sample.SampleTable.FileFormat;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One CSV, TSV or JSON Lines inbox file, written a row at a time so that a file of millions of rows never sits in
 * memory. CSV goes through commons-csv with a strict encoder: a character GBK cannot hold fails the run instead of
 * turning into '?'.
 */
final class RowFileWriter
        implements Closeable
{
    private static final Charset GBK = Charset.forName("GBK");

    private final Writer writer;
    private final List<String> headers;
    private final CSVPrinter printer;

    private RowFileWriter(Writer writer, List<String> headers, CSVPrinter printer)
    {
        this.writer = writer;
        this.headers = List.copyOf(headers);
        this.printer = printer;
    }

    /** Creates (or replaces) the file and writes its header row; JSON Lines has none, its keys are the headers. */
    static RowFileWriter open(Path file, FileFormat format, List<String> headers)
            throws IOException
    {
        requireNonNull(format, "format is null");
        return switch (format) {
            case CSV_GBK -> delimited(file, headers, GBK, false, ',', "\r\n");
            case CSV_UTF8 -> delimited(file, headers, StandardCharsets.UTF_8, false, ',', "\r\n");
            case CSV_UTF8_BOM -> delimited(file, headers, StandardCharsets.UTF_8, true, ',', "\r\n");
            case TSV_UTF8 -> delimited(file, headers, StandardCharsets.UTF_8, false, '\t', "\n");
            case JSONL -> new RowFileWriter(writer(file, StandardCharsets.UTF_8), headers, null);
            case XLSX -> throw new IllegalArgumentException("Invalid format for a row-by-row file: XLSX is written whole by SampleFileWriter");
        };
    }

    private static RowFileWriter delimited(Path file, List<String> headers, Charset charset, boolean byteOrderMark, char delimiter, String recordSeparator)
            throws IOException
    {
        Writer writer = writer(file, charset);
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setRecordSeparator(recordSeparator).get());
        if (byteOrderMark) {
            writer.write('\uFEFF');
        }
        printer.printRecord(headers);
        return new RowFileWriter(writer, headers, printer);
    }

    private static Writer writer(Path file, Charset charset)
            throws IOException
    {
        CharsetEncoder encoder = charset.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), encoder), 1 << 16);
    }

    /** One data row, a cell per header; cells are written as {@link SampleFileWriter#text} shows them. */
    void write(List<?> cells)
            throws IOException
    {
        if (cells.size() != headers.size()) {
            throw new IllegalArgumentException("Invalid row: " + cells.size() + " cells for " + headers.size() + " headers");
        }
        if (printer != null) {
            for (Object cell : cells) {
                printer.print(SampleFileWriter.text(cell));
            }
            printer.println();
        }
        else {
            writer.write(jsonLine(cells));
        }
    }

    /** One JSON object, keys in header order; values are strings, empty cells are left out. */
    private String jsonLine(List<?> cells)
    {
        StringBuilder line = new StringBuilder("{");
        boolean first = true;
        for (int i = 0; i < headers.size(); i++) {
            String value = SampleFileWriter.text(cells.get(i));
            if (value.isEmpty()) {
                continue;
            }
            line.append(first ? "" : ", ");
            appendJsonString(line, headers.get(i));
            line.append(": ");
            appendJsonString(line, value);
            first = false;
        }
        return line.append("}\n").toString();
    }

    private static void appendJsonString(StringBuilder json, String value)
    {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append("\\u%04x".formatted((int) c));
                    }
                    else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }

    @Override
    public void close()
            throws IOException
    {
        if (printer != null) {
            printer.close();
        }
        else {
            writer.close();
        }
    }
}
