package xingcun.pipeline.read;

import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import xingcun.pipeline.validate.Rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads every sheet of an .xlsx workbook whose header row carries the family's required columns (POI, on the
 * driver: no Excel data source exists for Spark 4). Numeric cells holding codes are read as exact digit strings,
 * date cells as ISO dates. An .xlsx is streamed ({@link WorkbookStream}); anything else under that name goes to POI's
 * workbook model ({@link WorkbookModel}), which reads an old .xls too and names what is wrong with the rest.
 */
final class XlsxFileReader
{
    private XlsxFileReader() {}

    static FileRead read(SparkSession spark, InboxFile file)
    {
        SheetsOfFamily sheets = new SheetsOfFamily(file);
        try {
            if (FileMagic.valueOf(file.path().toFile()) == FileMagic.OOXML) {
                WorkbookStream.read(file.path(), sheets);
            }
            else {
                WorkbookModel.read(file.path(), sheets);
            }
            sheets.sheetEnded();
        }
        catch (Exception e) { // what POI throws for a damaged workbook ranges from zip and XML errors to its own
            String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            return FileRead.unreadable(file, Rule.FILE_UNREADABLE_XLSX.reject("", "", detail), 0);
        }
        if (!sheets.anySheetRead) {
            return FileRead.unreadable(file, Rule.FILE_MISSING_COLUMN.reject(sheets.firstMissing.orElse("?"), "", ""), sheets.skippedSheetRows);
        }
        // a workbook is read on the driver (POI needs the whole file): its rows go to Spark as one partition
        return FileRead.rows(file, JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(sheets.records, 1), sheets.notes);
    }

    /**
     * A workbook's rows as the family's raw records: in each sheet, the first row with a cell that is not blank is the
     * header; a sheet whose header lacks a required column is skipped (its rows counted), as is an empty one, with a
     * note; below the header, each row with a cell that is not blank is a record.
     */
    private static final class SheetsOfFamily implements WorkbookRows
    {
        private final InboxFile file;
        private final List<RawRecord> records = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private Optional<String> firstMissing = Optional.empty();
        private long skippedSheetRows;
        private boolean anySheetRead;
        private String sheetName;
        private HeaderLayout layout; // null until the sheet's header row
        private boolean skipped;
        private String sheetOfRecords;

        SheetsOfFamily(InboxFile file)
        {
            this.file = file;
        }

        @Override
        public void sheet(String name)
        {
            sheetEnded();
            sheetName = name;
            layout = null;
            skipped = false;
        }

        /** The current sheet has no more rows. */
        void sheetEnded()
        {
            if (sheetName != null && layout == null) {
                notes.add("sheet " + sheetName + " skipped: empty");
            }
            sheetName = null;
        }

        @Override
        public void row(int rowIndex, List<String> cells)
        {
            if (cells.stream().allMatch(String::isBlank)) {
                return;
            }
            if (layout == null) {
                layout = HeaderLayout.of(file.family(), cells);
                Optional<String> missing = layout.missingRequiredColumn(file.family());
                skipped = missing.isPresent();
                if (skipped) {
                    notes.add("sheet " + sheetName + " skipped: no " + missing.get() + " column");
                    firstMissing = firstMissing.or(() -> missing);
                }
                else {
                    // rows of a second data sheet are located as file.xlsx#sheet: row numbers restart on every sheet
                    sheetOfRecords = anySheetRead ? sheetName : "";
                    anySheetRead = true;
                }
            }
            else if (skipped) {
                skippedSheetRows++;
            }
            else {
                records.add(RawRecord.ofSheet(file.name(), sheetOfRecords, rowIndex + 1L, file.order(), layout, cells));
            }
        }
    }
}
