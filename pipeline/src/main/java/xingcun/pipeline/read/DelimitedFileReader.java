package xingcun.pipeline.read;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapred.TextInputFormat;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import xingcun.pipeline.validate.Rule;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Serializable;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Reads a CSV or TSV file with Spark, line by line, so that each row keeps its exact line number and the file's
 * detected encoding (UTF-8 or GB18030) is applied by us rather than assumed. Cells quoted across lines are not
 * supported: such a line is quarantined as malformed with its line number.
 */
final class DelimitedFileReader
{
    private DelimitedFileReader() {}

    static FileRead read(SparkSession spark, InboxFile file)
            throws IOException
    {
        Optional<Charset> charset = EncodingDetector.detect(file.path());
        if (charset.isEmpty()) {
            return FileRead.unreadable(file, Rule.FILE_ENCODING.reject("", "", ""), countDataLines(file, EncodingDetector.forCountingLines(file.path())));
        }
        CSVFormat format = (file.kind() == FileKind.TSV ? CSVFormat.TDF : CSVFormat.DEFAULT).builder().setTrim(true).get();
        List<String> headers;
        try (BufferedReader reader = Files.newBufferedReader(file.path(), charset.get())) {
            String headerLine = reader.readLine();
            headers = headerLine == null ? List.of() : parseLine(format, headerLine.replace("\uFEFF", ""));
        }
        HeaderLayout layout = HeaderLayout.of(file.family(), headers);
        Optional<String> missing = layout.missingRequiredColumn(file.family());
        if (missing.isPresent()) {
            return FileRead.unreadable(file, Rule.FILE_MISSING_COLUMN.reject(missing.get(), "", ""), countDataLines(file, charset.get()));
        }
        RawRecords records = new RawRecords(file.family(), file, layout);
        if (hasCellsSpanningLines(file, charset.get())) {
            Optional<List<Row>> whole = parseWholeFile(file, charset.get(), format, records);
            if (whole.isPresent()) {
                return FileRead.rows(file, spark.createDataFrame(whole.get(), RawRecords.schema(file.family())), List.of());
            }
        }
        LineParser parser = new LineParser(format, charset.get().name(), records);
        JavaRDD<Row> rows = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .hadoopFile(file.sparkPath(), TextInputFormat.class, LongWritable.class, Text.class)
                .map(line -> new String(line._2().getBytes(), 0, line._2().getLength(), Charset.forName(parser.charsetName)))
                .zipWithIndex()
                .filter(indexed -> indexed._2() > 0 && !isBlank(indexed._1(), format.getDelimiterString()))
                .map(indexed -> parser.row(indexed._2() + 1, indexed._1()));
        Dataset<Row> frame = spark.createDataFrame(rows, RawRecords.schema(file.family()));
        return FileRead.rows(file, frame, List.of());
    }

    /**
     * Whether a quoted cell runs over a line break (Excel's Alt+Enter in a 备注 cell): some line then holds an odd
     * number of quotes. Such files are ledgers typed by hand, small enough to parse whole on the driver.
     */
    private static boolean hasCellsSpanningLines(InboxFile file, Charset charset)
            throws IOException
    {
        try (BufferedReader reader = Files.newBufferedReader(file.path(), charset)) {
            return reader.lines().anyMatch(line -> line.chars().filter(c -> c == '"').count() % 2 == 1);
        }
    }

    /**
     * Parses the whole file with commons-csv, so a record may span lines; each row keeps the line it starts on.
     * Empty when the quotes never balance: the line-by-line read then quarantines the broken lines one by one.
     */
    private static Optional<List<Row>> parseWholeFile(InboxFile file, Charset charset, CSVFormat format, RawRecords records)
            throws IOException
    {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file.path(), charset);
                CSVParser parser = CSVParser.parse(reader, format.builder().setIgnoreEmptyLines(false).get())) {
            Iterator<CSVRecord> iterator = parser.iterator();
            long startLine = parser.getCurrentLineNumber() + 1;
            boolean header = true;
            while (iterator.hasNext()) {
                CSVRecord record = iterator.next();
                List<String> cells = record.toList();
                if (!header && cells.stream().anyMatch(cell -> !cell.isBlank())) {
                    rows.add(records.row(startLine, cells));
                }
                header = false;
                startLine = parser.getCurrentLineNumber() + 1;
            }
        }
        catch (UncheckedIOException | IllegalStateException e) {
            return Optional.empty();
        }
        return Optional.of(rows);
    }

    /** Data lines of a file we will not parse, so its rows still count as read (and rejected). */
    private static long countDataLines(InboxFile file, Charset charset)
            throws IOException
    {
        try (BufferedReader reader = Files.newBufferedReader(file.path(), charset)) {
            return Math.max(0, reader.lines().filter(line -> !line.isBlank()).count() - 1);
        }
    }

    private static boolean isBlank(String line, String delimiter)
    {
        return line.replace(delimiter, "").replace("\"", "").isBlank();
    }

    static List<String> parseLine(CSVFormat format, String line)
            throws IOException
    {
        try (CSVParser parser = CSVParser.parse(new StringReader(line), format)) {
            List<CSVRecord> records = parser.getRecords();
            return records.isEmpty() ? List.of() : records.get(0).toList();
        }
    }

    /** Splits one line into cells inside a Spark task. */
    private record LineParser(CSVFormat format, String charsetName, RawRecords records)
            implements Serializable
    {
        Row row(long lineNumber, String line)
        {
            try {
                return records.row(lineNumber, parseLine(format, line));
            }
            catch (IOException | RuntimeException e) {
                return records.malformed(lineNumber, line,
                        "引号不成对或单元格内有换行：在 Excel 中去掉单元格内的换行后重新导出 / unbalanced quotes or a line break inside a cell: remove line breaks in cells and export again");
            }
        }
    }
}
