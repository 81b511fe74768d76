package xingcun.pipeline.read;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import xingcun.pipeline.validate.Rule;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ObjIntConsumer;

/**
 * Reads every sheet of an .xlsx workbook whose header row carries the family's required columns (POI, on the
 * driver: no Excel data source exists for Spark 4). Numeric cells holding codes are read as exact digit strings,
 * date cells as ISO dates.
 */
final class XlsxFileReader
{
    private XlsxFileReader() {}

    static FileRead read(SparkSession spark, InboxFile file)
    {
        List<RawRecord> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Optional<String> firstMissing = Optional.empty();
        long skippedSheetRows = 0;
        boolean anySheetRead = false;
        try (Workbook workbook = WorkbookFactory.create(file.path().toFile(), null, true)) {
            for (int index = 0; index < workbook.getNumberOfSheets(); index++) {
                Sheet sheet = workbook.getSheetAt(index);
                int headerRow = firstNonEmptyRow(sheet);
                if (headerRow < 0) {
                    notes.add("sheet " + sheet.getSheetName() + " skipped: empty");
                    continue;
                }
                HeaderLayout layout = HeaderLayout.of(file.family(), cells(sheet, headerRow));
                Optional<String> missing = layout.missingRequiredColumn(file.family());
                if (missing.isPresent()) {
                    notes.add("sheet " + sheet.getSheetName() + " skipped: no " + missing.get() + " column");
                    firstMissing = firstMissing.or(() -> missing);
                    skippedSheetRows += forEachDataRow(sheet, headerRow, (cells, rowIndex) -> {});
                    continue;
                }
                // rows of a second data sheet are located as file.xlsx#sheet: row numbers restart on every sheet
                String sheetName = anySheetRead ? sheet.getSheetName() : "";
                anySheetRead = true;
                forEachDataRow(sheet, headerRow, (cells, rowIndex) -> rows.add(RawRecord.ofSheet(file.name(), sheetName, rowIndex + 1L, file.order(), layout, cells)));
            }
        }
        catch (IOException | RuntimeException e) {
            String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            return FileRead.unreadable(file, Rule.FILE_UNREADABLE_XLSX.reject("", "", detail), 0);
        }
        if (!anySheetRead) {
            return FileRead.unreadable(file, Rule.FILE_MISSING_COLUMN.reject(firstMissing.orElse("?"), "", ""), skippedSheetRows);
        }
        // a workbook is read on the driver (POI needs the whole file): its rows go to Spark as one partition
        return FileRead.rows(file, JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(rows, 1), notes);
    }

    private static int firstNonEmptyRow(Sheet sheet)
    {
        for (int rowIndex = sheet.getFirstRowNum(); rowIndex <= sheet.getLastRowNum(); rowIndex++) {
            if (cells(sheet, rowIndex).stream().anyMatch(cell -> !cell.isBlank())) {
                return rowIndex;
            }
        }
        return -1;
    }

    /**
     * Hands each row below the header with a cell that is not blank to {@code action}, with its 0-based index; returns
     * how many it handed. Each row's cells are read once: reading a cell's text is most of a workbook's cost.
     */
    private static long forEachDataRow(Sheet sheet, int headerRow, ObjIntConsumer<List<String>> action)
    {
        long count = 0;
        for (int rowIndex = headerRow + 1; rowIndex <= sheet.getLastRowNum(); rowIndex++) {
            List<String> cells = cells(sheet, rowIndex);
            if (cells.stream().anyMatch(cell -> !cell.isBlank())) {
                action.accept(cells, rowIndex);
                count++;
            }
        }
        return count;
    }

    private static List<String> cells(Sheet sheet, int rowIndex)
    {
        org.apache.poi.ss.usermodel.Row row = sheet.getRow(rowIndex);
        List<String> cells = new ArrayList<>();
        if (row == null) {
            return cells;
        }
        for (int column = 0; column < Math.max(0, row.getLastCellNum()); column++) {
            cells.add(text(row.getCell(column)));
        }
        return cells;
    }

    private static String text(Cell cell)
    {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue();
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            case NUMERIC -> {
                if (DateUtil.isCellDateFormatted(cell)) {
                    LocalDateTime dateTime = cell.getLocalDateTimeCellValue();
                    yield dateTime.toLocalDate().toString();
                }
                // exact digits: 530112008003 must not become 5.30112008003E11
                yield BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
            }
            default -> "";
        };
    }
}
