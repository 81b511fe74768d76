package xingcun.pipeline.ingest;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes inbox files the way staff produce them, for ingest tests. */
final class TestInboxes
{
    static final String TALENTS_CSV = """
            人才编号,姓名,派出单位,服务社区,服务开始日期
            XS2021001,陶磅,云南省农业科学院园艺作物研究所,西华社区,2021-04-01
            XS2021002,段福才,昆明市果树技术协会,猫猫箐,2021/4/1
            """;

    private TestInboxes() {}

    static Path write(Path inbox, String relative, Charset charset, String content)
            throws IOException
    {
        Path file = inbox.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.write(file, content.getBytes(charset));
        return file;
    }

    static Path writeBytes(Path inbox, String relative, byte[] content)
            throws IOException
    {
        Path file = inbox.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        return file;
    }

    /** Every regular file under a folder; none when the folder does not exist. */
    static List<Path> regularFilesUnder(Path folder)
            throws IOException
    {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (java.util.stream.Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(Files::isRegularFile).toList();
        }
    }

    /** An .xlsx whose first sheet holds the rows; numbers are written as numeric cells, like Excel does with codes. */
    static Path xlsx(Path inbox, String relative, List<List<Object>> rows)
            throws IOException
    {
        return xlsx(inbox, relative, new Sheet("Sheet1", rows));
    }

    /** A workbook sheet's name and rows (the first is the header). */
    record Sheet(String name, List<List<Object>> rows) {}

    /** An .xlsx of the sheets given, in order; numbers are written as numeric cells, like Excel does with codes. */
    static Path xlsx(Path inbox, String relative, Sheet... sheets)
            throws IOException
    {
        return workbook(new XSSFWorkbook(), inbox, relative, sheets);
    }

    /** An old Excel 97-2003 workbook (.xls) of the rows given, saved under the name given (say, as .xlsx). */
    static Path xls(Path inbox, String relative, List<List<Object>> rows)
            throws IOException
    {
        return workbook(new HSSFWorkbook(), inbox, relative, new Sheet("Sheet1", rows));
    }

    private static Path workbook(Workbook workbook, Path inbox, String relative, Sheet... sheets)
            throws IOException
    {
        Path file = inbox.resolve(relative);
        Files.createDirectories(file.getParent());
        try (workbook; OutputStream stream = Files.newOutputStream(file)) {
            for (Sheet rows : sheets) {
                org.apache.poi.ss.usermodel.Sheet sheet = workbook.createSheet(rows.name());
                for (int r = 0; r < rows.rows().size(); r++) {
                    Row row = sheet.createRow(r);
                    for (int c = 0; c < rows.rows().get(r).size(); c++) {
                        Object value = rows.rows().get(r).get(c);
                        if (value instanceof Number number) {
                            row.createCell(c).setCellValue(number.doubleValue());
                        }
                        else {
                            row.createCell(c).setCellValue(String.valueOf(value));
                        }
                    }
                }
            }
            workbook.write(stream);
        }
        return file;
    }
}
