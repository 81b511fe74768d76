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
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.parsers.ParserConfigurationException;

import java.io.IOException;
import java.io.InputStream;
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
 * number as an ISO date, a boolean as true or false, an error as blank. One difference, on purpose: a formula that was
 * never calculated (no value saved, as programs other than Excel write them) reads blank, not the model's 0, so that a
 * required column says it is missing rather than taking a number nobody saw.
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
         * @param style the index of the cell's style: its s attribute, else its column's
         * @param value the text of its v element, or of its inline string; empty when it has none (a formula
         *        never calculated, as other programs than Excel save them, reads blank: the model would read 0)
         */
        String of(String type, int style, String value)
        {
            if (type == null || type.equals("n")) {
                return value.isEmpty() ? "" : number(Double.parseDouble(value), style);
            }
            return switch (type) {
                case "s" -> sharedString(value);
                case "inlineStr", "str" -> withoutEscapes(value);
                case "b" -> String.valueOf(value.trim().equals("1") || value.trim().equalsIgnoreCase("true"));
                case "d" -> value.contains("T") ? value.substring(0, value.indexOf('T')) : value; // an ISO date (strict OOXML)
                default -> ""; // "e": an error such as #N/A
            };
        }

        /** The shared string at the cell's index; blank for a missing or bad index, as the model reads it. */
        private String sharedString(String index)
        {
            try {
                return strings.getItemAt(Integer.parseInt(index.trim())).getString();
            }
            catch (RuntimeException e) { // not a number, or past the table (the table says so by IllegalStateException)
                return "";
            }
        }

        /** Excel's _xHHHH_ escapes (a line break as _x000D_) decoded, as the model and the shared strings decode them. */
        private static String withoutEscapes(String value)
        {
            return value.contains("_x") ? new XSSFRichTextString(value).getString() : value;
        }

        private String number(double number, int style)
        {
            if (DateUtil.isValidExcelDate(number) && dateStyles.isDate(style)) {
                return DateUtil.getLocalDateTime(number, date1904).toLocalDate().toString();
            }
            return WorkbookModel.exactDigits(number);
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
        private boolean inWorkbookFormats;

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
                case "numFmts" -> inWorkbookFormats = true;
                case "numFmt" -> { // not those of conditional formats (dxfs), which the model does not read either
                    if (inWorkbookFormats) {
                        workbookFormats.put(Integer.parseInt(attributes.getValue("numFmtId")), attributes.getValue("formatCode"));
                    }
                }
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
            if (localName.equals("numFmts")) {
                inWorkbookFormats = false;
            }
        }
    }

    /**
     * One sheet's XML: its columns' styles (cols/col), then rows (row) of cells (c) with a value (v) or an inline
     * string (is/t), sparse, with or without their r attributes. Its rows are handed on at the sheet's end in the
     * order of their numbers, the later of two with one number kept, as the model holds them.
     */
    private static final class SheetHandler extends DefaultHandler
    {
        private final CellText text;
        private final WorkbookRows rows;
        private final StringBuilder value = new StringBuilder();
        private final List<int[]> columnStyles = new ArrayList<>(); // {first column, last column, style}, 0-based
        private final java.util.TreeMap<Integer, List<String>> sheetRows = new java.util.TreeMap<>();
        private List<String> cells;
        private int rowIndex = -1;
        private int column = -1;
        private String type;
        private int style;
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
                if (localName.equals("col") && attributes.getValue("style") != null) {
                    columnStyles.add(new int[] {Integer.parseInt(attributes.getValue("min")) - 1, Integer.parseInt(attributes.getValue("max")) - 1,
                            Integer.parseInt(attributes.getValue("style"))});
                }
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
                    String explicitStyle = attributes.getValue("s");
                    style = explicitStyle != null ? Integer.parseInt(explicitStyle) : columnStyle(column);
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

        /** A cell without a style of its own has its column's, else the workbook's first (as the model reads it). */
        private int columnStyle(int cellColumn)
        {
            for (int[] columns : columnStyles) {
                if (cellColumn >= columns[0] && cellColumn <= columns[1]) {
                    return columns[2];
                }
            }
            return 0;
        }

        @Override
        public void endElement(String uri, String localName, String qualifiedName)
        {
            if (!inSheetData) {
                return;
            }
            switch (localName) {
                case "sheetData" -> {
                    inSheetData = false;
                    sheetRows.forEach(rows::row);
                }
                case "v", "t" -> inValue = false;
                case "rPh" -> inPhonetic = false;
                case "c" -> cells.set(column, text.of(type, style, value.toString()));
                case "row" -> sheetRows.put(rowIndex, cells);
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
