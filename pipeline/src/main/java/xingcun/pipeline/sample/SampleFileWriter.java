package xingcun.pipeline.sample;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Writes a {@link SampleTable} as the file a clerk would hand over, byte for byte the same on every run and machine:
 * CSV through commons-csv with a strict encoder (a character GBK cannot hold fails the run instead of turning into
 * '?'), XLSX through POI with fixed document dates and zip entry times.
 */
final class SampleFileWriter
{
    /** The date stamped into XLSX metadata: the article's publication day, so files do not change with the clock. */
    static final LocalDateTime FIXED_TIMESTAMP = LocalDateTime.of(2022, 7, 13, 9, 0);
    private static final Charset GBK = Charset.forName("GBK");
    /** Column width in characters for XLSX; fixed, because autoSizeColumn depends on the fonts of the machine. */
    private static final int COLUMN_WIDTH = 16;

    private SampleFileWriter() {}

    static void write(Path inbox, SampleTable table)
            throws IOException
    {
        Path file = inbox.resolve(table.path());
        Files.createDirectories(file.getParent());
        switch (table.format()) {
            case CSV_GBK -> writeDelimited(file, table, GBK, false, ',', "\r\n");
            case CSV_UTF8 -> writeDelimited(file, table, StandardCharsets.UTF_8, false, ',', "\r\n");
            case CSV_UTF8_BOM -> writeDelimited(file, table, StandardCharsets.UTF_8, true, ',', "\r\n");
            case TSV_UTF8 -> writeDelimited(file, table, StandardCharsets.UTF_8, false, '\t', "\n");
            case JSONL -> writeJsonLines(file, table);
            case XLSX -> Files.write(file, xlsx(table));
        }
    }

    private static void writeDelimited(Path file, SampleTable table, Charset charset, boolean byteOrderMark, char delimiter, String recordSeparator)
            throws IOException
    {
        CharsetEncoder encoder = charset.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setRecordSeparator(recordSeparator).get();
        try (Writer writer = new OutputStreamWriter(Files.newOutputStream(file), encoder);
                CSVPrinter printer = new CSVPrinter(writer, format)) {
            if (byteOrderMark) {
                writer.write('\uFEFF');
            }
            printer.printRecord(table.headers());
            for (SampleTable.Row row : table.rows()) {
                printer.printRecord(row.cells().stream().map(SampleFileWriter::text).toList());
            }
        }
    }

    /** One JSON object a line, keys in header order; values are strings, empty cells are left out. */
    private static void writeJsonLines(Path file, SampleTable table)
            throws IOException
    {
        StringBuilder out = new StringBuilder();
        for (SampleTable.Row row : table.rows()) {
            out.append('{');
            boolean first = true;
            for (int i = 0; i < table.headers().size(); i++) {
                String value = text(row.cells().get(i));
                if (value.isEmpty()) {
                    continue;
                }
                out.append(first ? "" : ", ").append(jsonString(table.headers().get(i))).append(": ").append(jsonString(value));
                first = false;
            }
            out.append("}\n");
        }
        Files.writeString(file, out.toString(), StandardCharsets.UTF_8);
    }

    static String text(Object cell)
    {
        if (cell == null) {
            return "";
        }
        if (cell instanceof BigDecimal number) {
            return number.toPlainString();
        }
        return cell.toString();
    }

    private static String jsonString(String value)
    {
        StringBuilder json = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
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
        return json.append('"').toString();
    }

    /** The workbook: the table on its sheet (bold header, real date and number cells), then the notes sheet if any. */
    static byte[] xlsx(SampleTable table)
            throws IOException
    {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Date fixed = Date.from(FIXED_TIMESTAMP.toInstant(ZoneOffset.UTC));
            workbook.getProperties().getCoreProperties().setCreated(Optional.of(fixed));
            workbook.getProperties().getCoreProperties().setModified(Optional.of(fixed));
            workbook.getProperties().getCoreProperties().setCreator("西山区人才工作领导小组办公室");

            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle headerStyle = workbook.createCellStyle();
            headerStyle.setFont(bold);
            CellStyle dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));

            XSSFSheet sheet = workbook.createSheet(table.sheetName());
            XSSFRow header = sheet.createRow(0);
            for (int c = 0; c < table.headers().size(); c++) {
                XSSFCell cell = header.createCell(c);
                cell.setCellValue(table.headers().get(c));
                cell.setCellStyle(headerStyle);
                sheet.setColumnWidth(c, COLUMN_WIDTH * 256);
            }
            sheet.createFreezePane(0, 1);
            for (int r = 0; r < table.rows().size(); r++) {
                XSSFRow row = sheet.createRow(r + 1);
                List<Object> cells = table.rows().get(r).cells();
                for (int c = 0; c < cells.size(); c++) {
                    Object value = cells.get(c);
                    if (value == null) {
                        continue;
                    }
                    XSSFCell cell = row.createCell(c);
                    if (value instanceof LocalDate date) {
                        cell.setCellValue(date);
                        cell.setCellStyle(dateStyle);
                    }
                    else if (value instanceof BigDecimal number) {
                        cell.setCellValue(number.doubleValue());
                    }
                    else {
                        cell.setCellValue(value.toString());
                    }
                }
            }
            if (!table.notesSheet().isEmpty()) {
                XSSFSheet notes = workbook.createSheet("填表说明");
                notes.setColumnWidth(0, 90 * 256);
                for (int r = 0; r < table.notesSheet().size(); r++) {
                    XSSFCell cell = notes.createRow(r).createCell(0);
                    cell.setCellValue(table.notesSheet().get(r));
                    if (r == 0) {
                        cell.setCellStyle(headerStyle);
                    }
                }
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            workbook.write(bytes);
            return withFixedEntryTimes(bytes.toByteArray());
        }
    }

    /**
     * Rewrites the zip with every entry stamped FIXED_TIMESTAMP: the zip library stamps entries with the current time,
     * which would make each run's file differ. setTimeLocal stores the local date-time as given, independent of the
     * machine's time zone.
     */
    private static byte[] withFixedEntryTimes(byte[] zip)
            throws IOException
    {
        ByteArrayOutputStream rewritten = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
                ZipOutputStream out = new ZipOutputStream(rewritten)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTimeLocal(FIXED_TIMESTAMP);
                out.putNextEntry(copy);
                in.transferTo(out);
                out.closeEntry();
            }
        }
        return rewritten.toByteArray();
    }
}
