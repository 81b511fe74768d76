package xingcun.pipeline.sample;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
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
 * CSV, TSV and JSON Lines row by row through {@link RowFileWriter}, XLSX through POI with fixed document dates and zip
 * entry times.
 */
final class SampleFileWriter
{
    /** The date stamped into XLSX metadata: the article's publication day, so files do not change with the clock. */
    static final LocalDateTime FIXED_TIMESTAMP = LocalDateTime.of(2022, 7, 13, 9, 0);
    private static final String XISHAN_CREATOR = "西山区人才工作领导小组办公室";
    private static final String GENERATOR_CREATOR = "xingcun generate";
    /** Column width in characters for XLSX; fixed, because autoSizeColumn depends on the fonts of the machine. */
    private static final int COLUMN_WIDTH = 16;

    private SampleFileWriter() {}

    static void write(Path inbox, SampleTable table)
            throws IOException
    {
        Path file = inbox.resolve(table.path());
        Files.createDirectories(file.getParent());
        if (table.format() == SampleTable.FileFormat.XLSX) {
            Files.write(file, xlsx(table));
            return;
        }
        try (RowFileWriter writer = RowFileWriter.open(file, table.format(), table.headers())) {
            for (SampleTable.Row row : table.rows()) {
                writer.write(row.cells());
            }
        }
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

    /** The workbook: the table on its sheet (bold header, real date and number cells), then the notes sheet if any. */
    static byte[] xlsx(SampleTable table)
            throws IOException
    {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            fill(workbook, workbook, table, XISHAN_CREATOR);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            workbook.write(bytes);
            return withFixedEntryTimes(bytes.toByteArray());
        }
    }

    /**
     * The same workbook for thousands of rows: SXSSF streams the rows to a temporary file and writes strings inline,
     * several times faster than XSSF's in-memory XML and shared-strings table, which readers treat alike. Its zip
     * entries carry no time (DOS time zero), so the file is reproducible as written.
     */
    static void writeLargeXlsx(Path inbox, SampleTable table)
            throws IOException
    {
        Path file = inbox.resolve(table.path());
        Files.createDirectories(file.getParent());
        SXSSFWorkbook workbook = new SXSSFWorkbook(null, SXSSFWorkbook.DEFAULT_WINDOW_SIZE, false, false);
        try (OutputStream out = Files.newOutputStream(file)) {
            fill(workbook, workbook.getXSSFWorkbook(), table, GENERATOR_CREATOR);
            workbook.write(out);
        }
        finally {
            workbook.close();
            workbook.dispose();
        }
    }

    /** properties: the workbook that holds the document properties (SXSSF keeps them in the XSSF workbook it wraps). */
    private static void fill(Workbook workbook, XSSFWorkbook properties, SampleTable table, String creator)
    {
        Date fixed = Date.from(FIXED_TIMESTAMP.toInstant(ZoneOffset.UTC));
        properties.getProperties().getCoreProperties().setCreated(Optional.of(fixed));
        properties.getProperties().getCoreProperties().setModified(Optional.of(fixed));
        properties.getProperties().getCoreProperties().setCreator(creator);

        Font bold = workbook.createFont();
        bold.setBold(true);
        CellStyle headerStyle = workbook.createCellStyle();
        headerStyle.setFont(bold);
        CellStyle dateStyle = workbook.createCellStyle();
        dateStyle.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));

        Sheet sheet = workbook.createSheet(table.sheetName());
        Row header = sheet.createRow(0);
        for (int c = 0; c < table.headers().size(); c++) {
            Cell cell = header.createCell(c);
            cell.setCellValue(table.headers().get(c));
            cell.setCellStyle(headerStyle);
            sheet.setColumnWidth(c, COLUMN_WIDTH * 256);
        }
        sheet.createFreezePane(0, 1);
        for (int r = 0; r < table.rows().size(); r++) {
            Row row = sheet.createRow(r + 1);
            List<Object> cells = table.rows().get(r).cells();
            for (int c = 0; c < cells.size(); c++) {
                Object value = cells.get(c);
                if (value == null) {
                    continue;
                }
                Cell cell = row.createCell(c);
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
            Sheet notes = workbook.createSheet("填表说明");
            notes.setColumnWidth(0, 90 * 256);
            for (int r = 0; r < table.notesSheet().size(); r++) {
                Cell cell = notes.createRow(r).createCell(0);
                cell.setCellValue(table.notesSheet().get(r));
                if (r == 0) {
                    cell.setCellStyle(headerStyle);
                }
            }
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
