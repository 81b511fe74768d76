package xingcun.pipeline.read;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One data row of an inbox file as it was read, before validation: where it came from (file, sheet, row, the file's
 * order in the run), the header it was read under, and its cells in file order — or, when the line could not be split
 * into cells, the line itself and the problem. A plain value, so readers hand rows to validation without a Spark
 * schema in between, and the raw record is written out (masked) only for the rows that are rejected.
 *
 * @param sheet the workbook sheet after the first one read (whose rows are located as file.xlsx#sheet, since row
 *        numbers restart on every sheet); empty for the first sheet and for every other kind of file
 */
public record RawRecord(String fileName, String sheet, long sourceRow, int fileOrder, HeaderLayout layout, List<String> cells, String parseProblem)
        implements Serializable
{
    public RawRecord
    {
        requireNonNull(fileName, "fileName is null");
        requireNonNull(sheet, "sheet is null");
        requireNonNull(layout, "layout is null");
        cells = new ArrayList<>(requireNonNull(cells, "cells is null")); // a cell may be null (JSON null)
    }

    public static RawRecord of(String fileName, long sourceRow, int fileOrder, HeaderLayout layout, List<String> cells)
    {
        return new RawRecord(fileName, "", sourceRow, fileOrder, layout, cells, null);
    }

    /** A row of a workbook's sheet after the first one read. */
    public static RawRecord ofSheet(String fileName, String sheet, long sourceRow, int fileOrder, HeaderLayout layout, List<String> cells)
    {
        return new RawRecord(fileName, sheet, sourceRow, fileOrder, layout, cells, null);
    }

    /** A line that could not be split (a broken CSV quote, a line that is not JSON): kept whole, with the problem. */
    public static RawRecord malformed(String fileName, long sourceRow, int fileOrder, HeaderLayout layout, String line, String problem)
    {
        return new RawRecord(fileName, "", sourceRow, fileOrder, layout, List.of(line), requireNonNull(problem, "problem is null"));
    }

    /**
     * Where a row is, as the lake's source_file, the quarantine and the run report name it: the file, and #sheet after
     * it when there is one (ValidationTransform.sourceFile makes the same text in a query).
     */
    public static String sourceFile(String fileName, String sheet)
    {
        return sheet.isEmpty() ? fileName : fileName + "#" + sheet;
    }

    public boolean isMalformed()
    {
        return parseProblem != null;
    }
}
