package xingcun.pipeline.read;

import java.util.List;

/** What a workbook reader hands on: each sheet by name, then that sheet's rows, in order. */
interface WorkbookRows
{
    /** The next sheet begins; the rows that follow are its own. */
    void sheet(String name);

    /**
     * A row of the current sheet that holds a cell, even a blank one.
     *
     * @param rowIndex the row's 0-based index in the sheet (row 1 in Excel is 0)
     * @param cells the text of its cells from column A to its last cell, blank where none is
     */
    void row(int rowIndex, List<String> cells);
}
