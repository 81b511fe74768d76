package xingcun.pipeline.read;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.parsers.ParserConfigurationException;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an .xlsx workbook's sheets as rows of cell text by streaming each sheet's XML (POI's event API), instead of
 * building POI's whole workbook model: the model (XMLBeans objects for every cell) took the driver 1.4 s of CPU for a
 * province's 32 small rosters and ledgers, at the start of a run, when the cores are busiest. The text of a cell is
 * what {@link WorkbookModel} makes of it with the model: a string as typed, a number's exact digits, a date-formatted
 * number as an ISO date, a boolean as true or false, an error or a formula without a value as blank.
 */
final class WorkbookStream
{
    private WorkbookStream() {}

    /** Hands {@code rows} each sheet, in the workbook's order, then each of its rows that has a cell. */
    static void read(Path file, WorkbookRows rows)
            throws IOException, OpenXML4JException, SAXException, ParserConfigurationException
    {
        try (OPCPackage workbook = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(workbook);
            // phonetic guides (ruby) are not part of a cell's text, as the model reads it
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(workbook, false);
            CellText text = new CellText(strings, DateStyles.of(reader), usesDate1904(reader));
            XSSFReader.SheetIterator sheets = reader.getSheetIterator();
            while (sheets.hasNext()) {
                try (InputStream sheet = sheets.next()) {
                    rows.sheet(sheets.getSheetName());
                    XMLReader parser = XMLHelper.newXMLReader();
                    parser.setContentHandler(new SheetHandler(text, rows));
                    parser.parse(new InputSource(sheet));
                }
            }
        }
    }

    /** Whether the workbook counts its dates from 1904 (old Mac Excel), as its workbookPr says. */
    private static boolean usesDate1904(XSSFReader reader)
            throws IOException, OpenXML4JException, SAXException, ParserConfigurationException
    {
        Boolean[] date1904 = {null}; // the first workbookPr's, as the model reads it
        try (InputStream workbook = reader.getWorkbookData()) {
            XMLReader parser = XMLHelper.newXMLReader();
            parser.setContentHandler(new DefaultHandler()
            {
                @Override
                public void startElement(String uri, String localName, String qualifiedName, Attributes attributes)
                {
                    if (localName.equals("workbookPr") && date1904[0] == null) {
                        String value = attributes.getValue("date1904");
                        date1904[0] = "1".equals(value) || "true".equals(value);
                    }
                }
            });
            parser.parse(new InputSource(workbook));
        }
        return Boolean.TRUE.equals(date1904[0]);
    }

    /** A cell's text from its type, style and stored value. */
    private record CellText(ReadOnlySharedStringsTable strings, DateStyles dateStyles, boolean date1904)
    {
        /**
         * @param type the cell's t attribute (null: a number)
         * @param style the cell's s attribute (null: the workbook's first style)
         * @param value the text of its v element, or of its inline string
         */
        String of(String type, String style, String value)
        {
            if (type == null || type.equals("n")) {
                return value.isEmpty() ? "" : number(Double.parseDouble(value), style == null ? 0 : Integer.parseInt(style));
            }
            return switch (type) {
                case "s" -> strings.getItemAt(Integer.parseInt(value.trim())).getString();
                case "inlineStr", "str" -> value;
                case "b" -> String.valueOf(value.trim().equals("1") || value.trim().equalsIgnoreCase("true"));
                case "d" -> value.contains("T") ? value.substring(0, value.indexOf('T')) : value; // an ISO date (strict OOXML)
                default -> ""; // "e": an error such as #N/A
            };
        }

        private String number(double number, int style)
        {
            if (DateUtil.isValidExcelDate(number) && dateStyles.isDate(style)) {
                return DateUtil.getLocalDateTime(number, date1904).toLocalDate().toString();
            }
            // exact digits: 530112008003 must not become 5.30112008003E11
            return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
        }
    }

    /**
     * Which cell styles show a number as a date: each style's number format (cellXfs/xf@numFmtId), the workbook's own
     * format codes (numFmts) before Excel's built-in ones, judged by POI's {@link DateUtil#isADateFormat}, as the
     * model judges a cell. Read by streaming styles.xml too: POI's StylesTable builds XMLBeans objects, whose first
     * use in a run cost a quarter of a second.
     */
    private static final class DateStyles extends DefaultHandler
    {
        private final List<Integer> formatOfStyle = new ArrayList<>();
        private final Map<Integer, String> workbookFormats = new HashMap<>();
        private final Map<Integer, Boolean> isDate = new HashMap<>();
        private boolean inCellStyles;

        static DateStyles of(XSSFReader reader)
                throws IOException, OpenXML4JException, SAXException, ParserConfigurationException
        {
            DateStyles styles = new DateStyles();
            try (InputStream data = reader.getStylesData()) {
                if (data != null) { // a workbook without styles shows every number as General
                    XMLReader parser = XMLHelper.newXMLReader();
                    parser.setContentHandler(styles);
                    parser.parse(new InputSource(data));
                }
            }
            return styles;
        }

        boolean isDate(int style)
        {
            if (style < 0 || style >= formatOfStyle.size()) {
                return false;
            }
            int format = formatOfStyle.get(style);
            return isDate.computeIfAbsent(format, id -> {
                String code = workbookFormats.getOrDefault(id, BuiltinFormats.getBuiltinFormat(id));
                return code != null && DateUtil.isADateFormat(id, code);
            });
        }

        @Override
        public void startElement(String uri, String localName, String qualifiedName, Attributes attributes)
        {
            switch (localName) {
                case "numFmt" -> workbookFormats.put(Integer.parseInt(attributes.getValue("numFmtId")), attributes.getValue("formatCode"));
                case "cellXfs" -> inCellStyles = true;
                case "xf" -> {
                    if (inCellStyles) {
                        String format = attributes.getValue("numFmtId");
                        formatOfStyle.add(format == null ? 0 : Integer.parseInt(format));
                    }
                }
                default -> {}
            }
        }

        @Override
        public void endElement(String uri, String localName, String qualifiedName)
        {
            if (localName.equals("cellXfs")) {
                inCellStyles = false;
            }
        }
    }

    /** One sheet's XML: rows (row), cells (c) with a value (v) or an inline string (is/t), out of order or sparse. */
    private static final class SheetHandler extends DefaultHandler
    {
        private final CellText text;
        private final WorkbookRows rows;
        private final StringBuilder value = new StringBuilder();
        private List<String> cells;
        private int rowIndex = -1;
        private int column = -1;
        private String type;
        private String style;
        private boolean inSheetData;
        private boolean inValue;
        private boolean inPhonetic;

        SheetHandler(CellText text, WorkbookRows rows)
        {
            this.text = text;
            this.rows = rows;
        }

        @Override
        public void startElement(String uri, String localName, String qualifiedName, Attributes attributes)
        {
            if (localName.equals("sheetData")) {
                inSheetData = true;
            }
            if (!inSheetData) {
                return;
            }
            switch (localName) {
                case "row" -> {
                    String number = attributes.getValue("r");
                    rowIndex = number == null ? rowIndex + 1 : Integer.parseInt(number) - 1;
                    cells = new ArrayList<>();
                    column = -1;
                }
                case "c" -> {
                    String reference = attributes.getValue("r");
                    column = reference == null ? column + 1 : new CellReference(reference).getCol();
                    type = attributes.getValue("t");
                    style = attributes.getValue("s");
                    value.setLength(0);
                    while (cells.size() <= column) {
                        cells.add("");
                    }
                }
                case "v" -> inValue = true;
                case "t" -> inValue = !inPhonetic; // the text of an inline string, or of one of its runs
                case "rPh" -> inPhonetic = true;
                default -> {}
            }
        }

        @Override
        public void endElement(String uri, String localName, String qualifiedName)
        {
            if (!inSheetData) {
                return;
            }
            switch (localName) {
                case "sheetData" -> inSheetData = false;
                case "v", "t" -> inValue = false;
                case "rPh" -> inPhonetic = false;
                case "c" -> cells.set(column, text.of(type, style, value.toString()));
                case "row" -> rows.row(rowIndex, cells);
                default -> {}
            }
        }

        @Override
        public void characters(char[] characters, int start, int length)
        {
            if (inValue) {
                value.append(characters, start, length);
            }
        }
    }
}
