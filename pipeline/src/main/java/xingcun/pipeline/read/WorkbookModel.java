package xingcun.pipeline.read;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a workbook's sheets as rows of cell text through POI's whole workbook model: for what is not an .xlsx inside
 * (an old .xls saved under .xlsx, which POI reads too, or an encrypted workbook, which it names); {@link WorkbookStream}
 * reads .xlsx files, the same way but faster, and must make the same text of every cell.
 */
final class WorkbookModel
{
    private WorkbookModel() {}

    /** Hands {@code rows} each sheet, in the workbook's order, then each of its rows that has a cell. */
    static void read(Path file, WorkbookRows rows)
            throws IOException
    {
        try (Workbook workbook = WorkbookFactory.create(file.toFile(), null, true)) {
            for (Sheet sheet : workbook) {
                rows.sheet(sheet.getSheetName());
                for (Row row : sheet) {
                    rows.row(row.getRowNum(), cells(row));
                }
            }
        }
    }

    private static List<String> cells(Row row)
    {
        List<String> cells = new ArrayList<>();
        for (int column = 0; column < Math.max(0, row.getLastCellNum()); column++) {
            cells.add(text(row.getCell(column)));
        }
        return cells;
    }

    /** A number's text as a clerk typed it: 530112008003, not 5.30112008003E11; 4.5, not 4.50 (both readers use it). */
    static String exactDigits(double number)
    {
        return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
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
                    yield cell.getLocalDateTimeCellValue().toLocalDate().toString();
                }
                yield exactDigits(cell.getNumericCellValue());
            }
            default -> "";
        };
    }
}
