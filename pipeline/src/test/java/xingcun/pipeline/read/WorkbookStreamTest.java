package xingcun.pipeline.read;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The streamed read of an .xlsx makes the text POI's workbook model makes of every kind of cell, sheet by sheet. */
class WorkbookStreamTest
{
    /** What a reader handed on, in order: "sheet NAME" or "ROW: cell|cell|…". */
    private static final class Recorded implements WorkbookRows
    {
        final List<String> lines = new ArrayList<>();

        @Override
        public void sheet(String name)
        {
            lines.add("sheet " + name);
        }

        @Override
        public void row(int rowIndex, List<String> cells)
        {
            lines.add(rowIndex + ": " + String.join("|", cells));
        }
    }

    @Test
    void everyKindOfCellReadsAsTheWorkbookModelReadsIt(@TempDir Path temp)
            throws Exception
    {
        Path file = temp.resolve("台账.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            CreationHelper helper = workbook.getCreationHelper();
            CellStyle builtInDate = workbook.createCellStyle();
            builtInDate.setDataFormat((short) 14); // m/d/yy, as Excel shows a date typed in a Chinese locale's short form
            CellStyle chineseDate = workbook.createCellStyle();
            chineseDate.setDataFormat(helper.createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
            CellStyle twoDecimals = workbook.createCellStyle();
            twoDecimals.setDataFormat(helper.createDataFormat().getFormat("0.00"));
            CellStyle time = workbook.createCellStyle();
            time.setDataFormat(helper.createDataFormat().getFormat("h:mm"));
            Sheet ledger = workbook.createSheet("台账");
            Row header = ledger.createRow(0);
            List.of("编号", "日期", "金额", "代码", "是否", "公式数", "公式文", "错误", "空", "", "中文日期", "两位小数", "富文本", "负数", "时间")
                    .forEach(name -> header.createCell(header.getPhysicalNumberOfCells()).setCellValue(name));
            Row row = ledger.createRow(2); // row 2 left out: rows are sparse
            row.createCell(0).setCellValue("P-1");
            row.createCell(1).setCellValue(LocalDate.of(2021, 7, 13));
            row.getCell(1).setCellStyle(builtInDate);
            row.createCell(2).setCellValue(12.5);
            row.createCell(3).setCellValue(530112008003.0);
            row.createCell(4).setCellValue(true);
            row.createCell(5).setCellFormula("C3*2");
            row.createCell(6).setCellFormula("A3&\"x\"");
            row.createCell(7).setCellFormula("1/0");
            row.createCell(8).setCellStyle(builtInDate); // a blank cell with a style; column 9 has no cell
            row.createCell(10).setCellValue(LocalDate.of(2025, 3, 1));
            row.getCell(10).setCellStyle(chineseDate);
            row.createCell(11).setCellValue(3);
            row.getCell(11).setCellStyle(twoDecimals);
            XSSFRichTextString rich = new XSSFRichTextString("草莓育苗");
            XSSFFont bold = workbook.createFont();
            bold.setBold(true);
            rich.applyFont(0, 2, bold);
            row.createCell(12).setCellValue(rich);
            row.createCell(13).setCellValue(-15);
            row.createCell(14).setCellValue(0.5);
            row.getCell(14).setCellStyle(time);
            ledger.createRow(4).createCell(3).setCellStyle(twoDecimals); // a row of one blank cell
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            workbook.createSheet("空");
            Sheet second = workbook.createSheet("二期");
            second.createRow(0).createCell(0).setCellValue("编号");
            second.createRow(1).createCell(0).setCellValue("P-2");
            workbook.write(out);
        }

        List<String> streamed = streamed(file);

        assertThat(streamed).isEqualTo(modelled(file));
        assertThat(streamed).containsExactly(
                "sheet 台账",
                "0: 编号|日期|金额|代码|是否|公式数|公式文|错误|空||中文日期|两位小数|富文本|负数|时间",
                "2: P-1|2021-07-13|12.5|530112008003|true|25|P-1x||||2025-03-01|3|草莓育苗|-15|1899-12-31",
                "4: |||",
                "sheet 空",
                "sheet 二期",
                "0: 编号",
                "1: P-2");
    }

    @Test
    void datesOfAWorkbookCountingFrom1904AreTheDatesTyped(@TempDir Path temp)
            throws Exception
    {
        Path file = temp.resolve("mac.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            workbook.getCTWorkbook().getWorkbookPr().setDate1904(true);
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat((short) 14);
            Row row = workbook.createSheet("名册").createRow(0);
            // 2021-04-01 is day 42,825 counted from 1904-01-01 (44,287 from 1900): what a Mac Excel of old stored
            row.createCell(0).setCellValue(42_825);
            row.getCell(0).setCellStyle(date);
            row.createCell(1).setCellValue(42_825); // the same day's number, shown as a number
            workbook.write(out);
        }

        assertThat(streamed(file)).isEqualTo(modelled(file)).containsExactly("sheet 名册", "0: 2021-04-01|42825");
    }

    @Test
    void inlineStringsAsStreamingWritersWriteThemReadAsText(@TempDir Path temp)
            throws Exception
    {
        Path file = temp.resolve("导出.xlsx");
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Row row = workbook.createSheet("导出").createRow(0);
            row.createCell(0).setCellValue("人才编号");
            row.createCell(1).setCellValue(" 前后有空格 ");
            row.createCell(2).setCellValue(false);
            row.createCell(4).setCellValue(7);
            workbook.write(out);
        }

        assertThat(streamed(file)).isEqualTo(modelled(file)).containsExactly("sheet 导出", "0: 人才编号| 前后有空格 |false||7");
    }

    @Test
    void aWorkbookAsOtherProgramsWriteItReadsAsTheModelReadsItButForAFormulaNeverCalculated(@TempDir Path temp)
            throws Exception
    {
        // the XML by hand, as POI never writes it: rows out of order, cells without r, a column's style, a shared
        // string index that is bad or missing, escapes (_x000D_), phonetic runs, a conditional format's numFmt
        // reusing an id the workbook does not define, a formula saved without its value
        String main = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"";
        String relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        Path file = temp.resolve("手写.xlsx");
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(file))) {
            part(zip, "[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                    + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                    + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
                    + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
                    + "</Types>");
            part(zip, "_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"" + relationships + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            part(zip, "xl/workbook.xml", "<workbook " + main + " xmlns:r=\"" + relationships + "\">"
                    + "<sheets><sheet name=\"手写\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            part(zip, "xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"" + relationships + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                    + "<Relationship Id=\"rId2\" Type=\"" + relationships + "/styles\" Target=\"styles.xml\"/>"
                    + "<Relationship Id=\"rId3\" Type=\"" + relationships + "/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>");
            part(zip, "xl/styles.xml", "<styleSheet " + main + ">"
                    + "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;\"/></numFmts>"
                    + "<fonts count=\"1\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
                    + "<fills count=\"1\"><fill><patternFill patternType=\"none\"/></fill></fills>"
                    + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
                    + "<cellStyleXfs count=\"1\"><xf numFmtId=\"14\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
                    + "<cellXfs count=\"3\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
                    + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
                    + "<xf numFmtId=\"165\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/></cellXfs>"
                    + "<dxfs count=\"1\"><dxf><numFmt numFmtId=\"165\" formatCode=\"yyyy-mm-dd\"/></dxf></dxfs></styleSheet>");
            part(zip, "xl/sharedStrings.xml", "<sst " + main + " count=\"3\" uniqueCount=\"3\"><si><t>编号</t></si><si><t>日期</t></si>"
                    + "<si><t>漢字</t><rPh sb=\"0\" eb=\"2\"><t>かんじ</t></rPh></si></sst>");
            part(zip, "xl/worksheets/sheet1.xml", "<worksheet " + main + "><cols><col min=\"2\" max=\"2\" width=\"12\" style=\"1\" customWidth=\"1\"/></cols>"
                    + "<sheetData>"
                    + "<row r=\"3\"><c r=\"A3\" t=\"s\"><v>2</v></c><c r=\"B3\"><v>44390</v></c><c r=\"C3\" s=\"2\"><v>45000</v></c></row>"
                    + "<row r=\"1\"><c t=\"s\"><v>0</v></c><c t=\"s\"><v>1</v></c>"
                    + "<c t=\"inlineStr\"><is><r><t>备</t></r><r><t>注_x000D_行</t></r><rPh sb=\"0\" eb=\"1\"><t>び</t></rPh></is></c></row>"
                    + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>99</v></c><c r=\"B2\" t=\"s\"/><c r=\"D2\" t=\"str\"><f>A1</f><v>甲_x000D_乙</v></c></row>"
                    + "<row r=\"4\"><c r=\"A4\"><f>1+1</f></c></row>"
                    + "</sheetData></worksheet>");
        }

        List<String> expected = List.of("sheet 手写", "0: 编号|日期|备注\r行", "1: |||甲\r乙", "2: 漢字|2021-07-13|45000", "3: ");
        assertThat(streamed(file)).isEqualTo(expected);
        List<String> modelledWithZero = new ArrayList<>(expected);
        modelledWithZero.set(4, "3: 0"); // the model reads a formula without a saved value as 0
        assertThat(modelled(file)).isEqualTo(modelledWithZero);
    }

    private static void part(java.util.zip.ZipOutputStream zip, String name, String xml)
            throws java.io.IOException
    {
        zip.putNextEntry(new java.util.zip.ZipEntry(name));
        zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" + xml).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static List<String> streamed(Path file)
            throws Exception
    {
        Recorded recorded = new Recorded();
        WorkbookStream.read(file, recorded);
        return recorded.lines;
    }

    private static List<String> modelled(Path file)
            throws Exception
    {
        Recorded recorded = new Recorded();
        WorkbookModel.read(file, recorded);
        return recorded.lines;
    }
}
