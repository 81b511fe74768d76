package xingcun.pipeline.read;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import xingcun.pipeline.validate.Rule;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Reads a CSV or TSV file so that each row keeps its exact line number and the file's detected encoding (UTF-8 or
 * GB18030) is applied by us rather than assumed. The driver reads the header and checks the file; a Spark task
 * then streams the file's lines, one task a file, so line numbers need no second pass. A cell quoted across lines
 * (Excel's Alt+Enter in a 备注 cell) is read with the whole file on the driver; where the quotes never balance, the
 * broken lines are quarantined one by one as malformed.
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
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        if (hasCellsSpanningLines(file)) {
            Optional<List<RawRecord>> whole = parseWholeFile(file, charset.get(), format, layout);
            if (whole.isPresent()) {
                return FileRead.rows(file, context.parallelize(whole.get(), 1), List.of());
            }
        }
        LineSplitter splitter = new LineSplitter(format, charset.get().name(), file.name(), file.order(), layout);
        JavaRDD<RawRecord> records = FileReaders.pathInOneTask(spark, file).flatMap(splitter::records);
        return FileRead.rows(file, records, List.of());
    }

    /**
     * Whether a quoted cell runs over a line break: some line then holds an odd number of quotes. Such files are
     * ledgers typed by hand, small enough to parse whole on the driver. The bytes are scanned, not decoded: in UTF-8
     * and GB18030, the only encodings read, '"' and line breaks are never part of a longer character (decoding the lines
     * took the driver 1.5 s of a province run, before the files' tasks could start).
     */
    static boolean hasCellsSpanningLines(InboxFile file)
            throws IOException
    {
        try (InputStream stream = Files.newInputStream(file.path())) {
            byte[] buffer = new byte[1 << 16];
            boolean oddQuotes = false;
            for (int read = stream.read(buffer); read != -1; read = stream.read(buffer)) {
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '"') {
                        oddQuotes = !oddQuotes;
                    }
                    else if ((buffer[i] == '\n' || buffer[i] == '\r') && oddQuotes) { // a line ends at either, as BufferedReader reads it
                        return true;
                    }
                }
            }
            return oddQuotes;
        }
    }

    /**
     * Parses the whole file with commons-csv, so a record may span lines; each row keeps the line it starts on.
     * Empty when the quotes never balance: the line-by-line read then quarantines the broken lines one by one.
     */
    private static Optional<List<RawRecord>> parseWholeFile(InboxFile file, Charset charset, CSVFormat format, HeaderLayout layout)
            throws IOException
    {
        List<RawRecord> records = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file.path(), charset);
                CSVParser parser = CSVParser.parse(reader, format.builder().setIgnoreEmptyLines(false).get())) {
            Iterator<CSVRecord> iterator = parser.iterator();
            long startLine = parser.getCurrentLineNumber() + 1;
            boolean header = true;
            while (iterator.hasNext()) {
                CSVRecord record = iterator.next();
                List<String> cells = record.toList();
                if (!header && cells.stream().anyMatch(cell -> !cell.isBlank())) {
                    records.add(RawRecord.of(file.name(), startLine, file.order(), layout, cells));
                }
                header = false;
                startLine = parser.getCurrentLineNumber() + 1;
            }
        }
        catch (UncheckedIOException | IllegalStateException e) {
            return Optional.empty();
        }
        return Optional.of(records);
    }

    /** Data lines of a file we will not parse, so its rows still count as read (and rejected). */
    private static long countDataLines(InboxFile file, Charset charset)
            throws IOException
    {
        try (BufferedReader reader = Files.newBufferedReader(file.path(), charset)) {
            return Math.max(0, reader.lines().filter(line -> !line.isBlank()).count() - 1);
        }
    }

    static List<String> parseLine(CSVFormat format, String line)
            throws IOException
    {
        try (CSVParser parser = CSVParser.parse(new StringReader(line), format)) {
            List<CSVRecord> records = parser.getRecords();
            return records.isEmpty() ? List.of() : records.get(0).toList();
        }
    }

    /** Streams one file's data lines as raw records inside a Spark task: line 1 is the header, blank lines are skipped. */
    private record LineSplitter(CSVFormat format, String charsetName, String fileName, int fileOrder, HeaderLayout layout)
            implements Serializable
    {
        Iterator<RawRecord> records(String path)
                throws IOException
        {
            BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(java.nio.file.Path.of(path)), Charset.forName(charsetName)), 1 << 16);
            // a task cancelled or failed before the file's end closes it too (closing twice does nothing)
            org.apache.spark.TaskContext task = org.apache.spark.TaskContext.get();
            if (task != null) {
                task.addTaskCompletionListener((org.apache.spark.util.TaskCompletionListener) context -> closeQuietly(reader));
            }
            reader.readLine(); // the header, read by the driver
            return new Iterator<>()
            {
                private long lineNumber = 1;
                private RawRecord next = advance();

                private RawRecord advance()
                {
                    try {
                        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                            lineNumber++;
                            if (!isBlank(line)) {
                                return record(lineNumber, line);
                            }
                        }
                        reader.close(); // closes the stream it opened
                        return null;
                    }
                    catch (IOException e) {
                        throw new UncheckedIOException("Cannot read " + fileName + " at line " + lineNumber, e);
                    }
                }

                @Override
                public boolean hasNext()
                {
                    return next != null;
                }

                @Override
                public RawRecord next()
                {
                    if (next == null) {
                        throw new NoSuchElementException();
                    }
                    RawRecord current = next;
                    next = advance();
                    return current;
                }
            };
        }

        private static void closeQuietly(BufferedReader reader)
        {
            try {
                reader.close();
            }
            catch (IOException ignored) {
                // the task is over: nothing is read from it any more
            }
        }

        /** A line of nothing but delimiters, quotes and spaces (Excel's empty rows ",,,,"). */
        private boolean isBlank(String line)
        {
            String delimiter = format.getDelimiterString();
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c != '"' && delimiter.indexOf(c) < 0 && !Character.isWhitespace(c)) {
                    return false;
                }
            }
            return true;
        }

        private RawRecord record(long lineNumber, String line)
        {
            // most ledger lines quote nothing: split them directly, the way commons-csv would (trimmed cells, empty
            // trailing cells kept); quoted lines go through commons-csv, whose parser is costly to start per line
            if (line.indexOf('"') < 0) {
                String[] cells = line.split(format.getDelimiterString(), -1); // "," and "\t" split without a regex
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = cells[i].trim();
                }
                return RawRecord.of(fileName, lineNumber, fileOrder, layout, Arrays.asList(cells));
            }
            try {
                return RawRecord.of(fileName, lineNumber, fileOrder, layout, parseLine(format, line));
            }
            catch (IOException | RuntimeException e) {
                return RawRecord.malformed(fileName, lineNumber, fileOrder, layout, line,
                        "引号不成对或单元格内有换行：在 Excel 中去掉单元格内的换行后重新导出 / unbalanced quotes or a line break inside a cell: remove line breaks in cells and export again");
            }
        }
    }
}
