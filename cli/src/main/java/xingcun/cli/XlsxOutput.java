package xingcun.cli;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes a table to an .xlsx workbook the way staff expect: bold frozen header, numbers as numbers. */
final class XlsxOutput
{
    private XlsxOutput() {}

    static void write(Path file, String sheetName, List<String> columns, List<List<Object>> rows)
            throws IOException
    {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream stream = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet(sheetName);
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row header = sheet.createRow(0);
            for (int i = 0; i < columns.size(); i++) {
                Cell cell = header.createCell(i);
                cell.setCellValue(columns.get(i));
                cell.setCellStyle(bold);
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<Object> values = rows.get(r);
                for (int i = 0; i < values.size(); i++) {
                    Object value = values.get(i);
                    if (value instanceof Number number) {
                        row.createCell(i).setCellValue(number.doubleValue());
                    }
                    else if (value instanceof Boolean flag) {
                        row.createCell(i).setCellValue(flag);
                    }
                    else if (value != null) {
                        row.createCell(i).setCellValue(String.valueOf(value));
                    }
                }
            }
            sheet.createFreezePane(0, 1);
            for (int i = 0; i < columns.size(); i++) {
                sheet.setColumnWidth(i, Math.min(60, Math.max(10, columns.get(i).length() + 4)) * 256);
            }
            workbook.write(stream);
        }
    }
}
